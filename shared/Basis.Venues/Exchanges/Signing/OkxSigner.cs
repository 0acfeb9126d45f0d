using System.Globalization;

namespace Basis.Venues.Exchanges.Signing;

/// <summary>
/// OKX v5: base64 HMAC-SHA256 of timestamp + METHOD + requestPath (with its query string) + body, the timestamp in
/// ISO 8601 UTC with milliseconds ("2020-12-08T09:08:57.715Z").
/// </summary>
public static class OkxSigner
{
    public static string FormatTimestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Sign(string secret, string timestamp, HttpMethod method, string requestPathAndQuery, string body = "")
    {
        ArgumentNullException.ThrowIfNull(method);
        return Convert.ToBase64String(HmacSha256.Compute(secret, timestamp + method.Method + requestPathAndQuery + body));
    }

    // demoTrading: OKX demo trading runs on the production host and is selected by x-simulated-trading: 1.
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(
        ExchangeCredentials credentials, DateTimeOffset time, HttpMethod method, string requestPathAndQuery, string body, bool demoTrading)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.Passphrase is null)
            throw new ArgumentException("OKX credentials need a passphrase.", nameof(credentials));
        var timestamp = FormatTimestamp(time);
        List<KeyValuePair<string, string>> headers =
        [
            new("OK-ACCESS-KEY", credentials.ApiKey),
            new("OK-ACCESS-SIGN", Sign(credentials.Secret, timestamp, method, requestPathAndQuery, body)),
            new("OK-ACCESS-TIMESTAMP", timestamp),
            new("OK-ACCESS-PASSPHRASE", credentials.Passphrase),
        ];
        if (demoTrading)
            headers.Add(new("x-simulated-trading", "1"));
        return headers;
    }
}
