using System.Globalization;

namespace Basis.Venues.Exchanges.Signing;

/// <summary>
/// Bybit v5: lower-case hex HMAC-SHA256 of timestamp + apiKey + recvWindow + payload, where the payload is the
/// query string of a GET or the raw JSON body of a POST exactly as sent.
/// </summary>
public static class BybitSigner
{
    public static string Sign(string secret, long timestampMs, string apiKey, int recvWindowMs, string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var signed = timestampMs.ToString(CultureInfo.InvariantCulture) + apiKey
            + recvWindowMs.ToString(CultureInfo.InvariantCulture) + payload;
        return Convert.ToHexStringLower(HmacSha256.Compute(secret, signed));
    }

    /// <summary>
    /// The private WebSocket's <c>auth</c> signature: lower-case hex HMAC-SHA256 of <c>GET/realtime</c> + the expiry
    /// (Unix milliseconds) sent with it.
    /// </summary>
    public static string SignWebSocketAuth(string secret, long expiresMs) =>
        Convert.ToHexStringLower(HmacSha256.Compute(secret, "GET/realtime" + expiresMs.ToString(CultureInfo.InvariantCulture)));

    public static IReadOnlyList<KeyValuePair<string, string>> Headers(
        ExchangeCredentials credentials, long timestampMs, int recvWindowMs, string payload)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return
        [
            new("X-BAPI-API-KEY", credentials.ApiKey),
            new("X-BAPI-TIMESTAMP", timestampMs.ToString(CultureInfo.InvariantCulture)),
            new("X-BAPI-RECV-WINDOW", recvWindowMs.ToString(CultureInfo.InvariantCulture)),
            new("X-BAPI-SIGN", Sign(credentials.Secret, timestampMs, credentials.ApiKey, recvWindowMs, payload)),
        ];
    }
}
