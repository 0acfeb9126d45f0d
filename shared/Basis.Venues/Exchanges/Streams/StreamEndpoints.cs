namespace Basis.Venues.Exchanges.Streams;

/// <summary>Where the public market-data WebSockets are, per venue and environment (dev = testnet / demo).</summary>
public static class StreamEndpoints
{
    /// <summary>Base URL of the stream host; Binance appends <c>/ws/&lt;stream&gt;</c>, Bybit and OKX use it as is.</summary>
    public static Uri PublicFor(ExchangeVenue venue, BasisEnvironment environment)
    {
        var testnet = environment == BasisEnvironment.Dev;
        return venue switch
        {
            ExchangeVenue.Binance => new Uri(testnet ? "wss://fstream.binancefuture.com" : "wss://fstream.binance.com"),
            ExchangeVenue.Bybit => new Uri(testnet ? "wss://stream-testnet.bybit.com/v5/public/linear" : "wss://stream.bybit.com/v5/public/linear"),
            ExchangeVenue.Okx => new Uri(testnet ? "wss://wspap.okx.com:8443/ws/v5/public" : "wss://ws.okx.com:8443/ws/v5/public"),
            _ => throw new ArgumentOutOfRangeException(nameof(venue), venue, null),
        };
    }

    /// <summary>The WebSocket form of an http(s) base URL (a local simulator): http→ws, https→wss.</summary>
    public static Uri FromHttp(Uri httpBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(httpBaseUrl);
        var builder = new UriBuilder(httpBaseUrl) { Scheme = httpBaseUrl.Scheme == Uri.UriSchemeHttps ? "wss" : "ws" };
        return builder.Uri;
    }
}
