namespace Basis.Venues.Exchanges.Signing;

/// <summary>
/// Binance (spot, futures, sapi): lower-case hex HMAC-SHA256 of the "total params" string, which is the query
/// string immediately followed by the form body, with no '&amp;' between them. The key goes in X-MBX-APIKEY.
/// </summary>
public static class BinanceSigner
{
    public const string ApiKeyHeader = "X-MBX-APIKEY";

    public static string Sign(string secret, string queryString, string body = "")
    {
        ArgumentNullException.ThrowIfNull(queryString);
        ArgumentNullException.ThrowIfNull(body);
        return Convert.ToHexStringLower(HmacSha256.Compute(secret, queryString + body));
    }

    public static IReadOnlyList<KeyValuePair<string, string>> Headers(ExchangeCredentials credentials)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        return [new(ApiKeyHeader, credentials.ApiKey)];
    }
}
