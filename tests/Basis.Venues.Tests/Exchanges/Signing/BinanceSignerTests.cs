using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Signing;

namespace Basis.Venues.Tests.Exchanges.Signing;

// Binance's own published examples (shared/docs/SIGNING_VECTORS.md).
public sealed class BinanceSignerTests
{
    private const string SpotSecret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private const string FuturesSecret = "2b5eb11e18796d12d88f13dc27dbbd02c2cc51ff7059765ed9821957d82bb4d9";

    [Fact]
    public void Spot_query_string_signature_matches_the_published_example() =>
        Assert.Equal(
            "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71",
            BinanceSigner.Sign(
                SpotSecret,
                "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"));

    [Fact]
    public void Spot_query_plus_body_is_signed_as_their_concatenation_without_an_ampersand() =>
        Assert.Equal(
            "0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77",
            BinanceSigner.Sign(
                SpotSecret,
                "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
                "quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"));

    [Fact]
    public void Futures_signature_matches_the_published_example() =>
        Assert.Equal(
            "3c661234138461fcc7a7d8746c6558c9842d4e10870d2ecbedf7777cad694af9",
            BinanceSigner.Sign(
                FuturesSecret,
                "symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=9000&timeInForce=GTC&recvWindow=5000&timestamp=1591702613943"));

    [Fact]
    public void Headers_carry_only_the_api_key()
    {
        var headers = BinanceSigner.Headers(new ExchangeCredentials("the-key", FuturesSecret));

        Assert.Equal([new KeyValuePair<string, string>("X-MBX-APIKEY", "the-key")], headers);
    }
}
