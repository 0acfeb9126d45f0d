using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Binance;

namespace Basis.Venues.Tests.Exchanges.Binance;

public sealed class BinanceClientOptionsTests
{
    [Fact]
    public void Staging_reads_both_key_pairs_and_uses_mainnet()
    {
        var variables = new Dictionary<string, string>
        {
            ["BASIS_ENVIRONMENT"] = "staging",
            ["BASIS_STAGING__CEX__BINANCE_SPOT_API_KEY"] = "spot-key",
            ["BASIS_STAGING__CEX__BINANCE_SPOT_API_SECRET"] = "spot-secret",
            ["BASIS_STAGING__CEX__BINANCE_FUTURES_API_KEY"] = "futures-key",
            ["BASIS_STAGING__CEX__BINANCE_FUTURES_API_SECRET"] = "futures-secret",
        };

        var options = BinanceClientOptions.FromEnvironment(variables.GetValueOrDefault, new HashSet<string> { "0xabc" });

        Assert.Equal("spot-key", options.SpotCredentials.ApiKey);
        Assert.Equal("futures-key", options.FuturesCredentials.ApiKey);
        Assert.Equal(ExchangeEndpoints.For(ExchangeVenue.Binance, BasisEnvironment.Staging), options.Endpoints);
        Assert.Equal(5000, options.RecvWindowMs);
        Assert.Contains("0xabc", options.WithdrawalAllowList);
    }
}
