namespace Basis.Venues.Exchanges.Streams;

/// <summary>Where the venues' WebSockets are, per venue and environment (dev = testnet / demo).</summary>
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

    /// <summary>
    /// The authenticated stream of Bybit (<c>/v5/private</c>: <c>auth</c>, then e.g. <c>order.linear</c>) and OKX
    /// (<c>/ws/v5/private</c>: <c>login</c>, then e.g. <c>orders</c>). Binance's user data stream has no URL of its
    /// own: it is <see cref="PublicFor"/>'s host with a listen key.
    /// </summary>
    public static Uri PrivateFor(ExchangeVenue venue, BasisEnvironment environment)
    {
        var testnet = environment == BasisEnvironment.Dev;
        return venue switch
        {
            ExchangeVenue.Bybit => new Uri(testnet ? "wss://stream-testnet.bybit.com/v5/private" : "wss://stream.bybit.com/v5/private"),
            ExchangeVenue.Okx => new Uri(testnet ? "wss://wspap.okx.com:8443/ws/v5/private" : "wss://ws.okx.com:8443/ws/v5/private"),
            _ => throw new ArgumentOutOfRangeException(nameof(venue), venue, "Binance's user data stream is on its public host with a listen key."),
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
