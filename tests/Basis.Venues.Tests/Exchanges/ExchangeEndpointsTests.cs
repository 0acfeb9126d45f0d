using Basis.Venues.Exchanges;

namespace Basis.Venues.Tests.Exchanges;

public sealed class ExchangeEndpointsTests
{
    [Fact]
    public void Dev_uses_testnets()
    {
        var binance = ExchangeEndpoints.For(ExchangeVenue.Binance, BasisEnvironment.Dev);
        var bybit = ExchangeEndpoints.For(ExchangeVenue.Bybit, BasisEnvironment.Dev);
        var okx = ExchangeEndpoints.For(ExchangeVenue.Okx, BasisEnvironment.Dev);

        Assert.Equal(new Uri("https://testnet.binancefuture.com"), binance.RestBaseUrl);
        Assert.Equal(new Uri("https://testnet.binance.vision"), binance.SpotRestBaseUrl);
        Assert.Equal(new Uri("https://api-testnet.bybit.com"), bybit.RestBaseUrl);
        Assert.Equal(new Uri("https://www.okx.com"), okx.RestBaseUrl);
        Assert.True(binance.IsTestnet && bybit.IsTestnet && okx.IsTestnet);
    }

    [Theory]
    [InlineData(BasisEnvironment.Staging)]
    [InlineData(BasisEnvironment.Production)]
    public void Staging_and_production_use_mainnet(BasisEnvironment environment)
    {
        var binance = ExchangeEndpoints.For(ExchangeVenue.Binance, environment);

        Assert.Equal(new Uri("https://fapi.binance.com"), binance.RestBaseUrl);
        Assert.Equal(new Uri("https://api.binance.com"), binance.SpotRestBaseUrl);
        Assert.False(binance.IsTestnet);
        Assert.Equal(new Uri("https://api.bybit.com"), ExchangeEndpoints.For(ExchangeVenue.Bybit, environment).RestBaseUrl);
        Assert.False(ExchangeEndpoints.For(ExchangeVenue.Okx, environment).IsTestnet);
    }

    [Fact]
    public void A_local_server_can_replace_both_urls()
    {
        var local = ExchangeEndpoints.OneBaseUrl(new Uri("http://127.0.0.1:5071"), isTestnet: false);

        Assert.Equal(local.RestBaseUrl, local.SpotRestBaseUrl);
    }
}
