using Basis.ExchangeSimulator.Binance;

namespace Basis.ExchangeSimulator.Tests.Binance;

/// <summary>The exchange's published examples (shared/docs/SIGNING_VECTORS.md).</summary>
public sealed class BinanceSignatureTests
{
    private const string SpotSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    [Fact]
    public void Spot_total_params_in_the_body_match_the_published_signature()
    {
        var (payload, signature) = BinanceSignature.Payload(string.Empty, "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");

        Assert.True(BinanceSignature.Verify(SpotSecret, payload, signature!));
    }

    [Fact]
    public void Query_is_immediately_followed_by_the_body()
    {
        var (payload, signature) = BinanceSignature.Payload(
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
            "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");

        Assert.Equal("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTCquantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559", payload);
        Assert.True(BinanceSignature.Verify(SpotSecret, payload, signature!));
    }

    [Fact]
    public void Futures_example_matches_and_a_changed_parameter_does_not()
    {
        const string query = "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943";

        Assert.Equal("3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9", BinanceSignature.Sign(Simulators.Secret, query));
        Assert.False(BinanceSignature.Verify(Simulators.Secret, query.Replace("9000", "9001", StringComparison.Ordinal), "3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9"));
    }
}
