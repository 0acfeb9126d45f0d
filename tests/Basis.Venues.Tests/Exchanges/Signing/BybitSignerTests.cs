using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Signing;

namespace Basis.Venues.Tests.Exchanges.Signing;

// Bybit's published inputs; the signature agrees with bybit-api, ccxt and openssl (shared/docs/SIGNING_VECTORS.md).
public sealed class BybitSignerTests
{
    private const string ApiKey = "XXXXXXXXXX";
    private const string Secret = "test-secret-not-real";
    private const long Timestamp = 1658384314791;
    private const string Query = "category=option&symbol=BTC-29JUL22-25000-C";
    private const string ExpectedSignature = "e9d95f93790258d5680772d879abb9df2571ae26d3edb5f36973f9757eef3a16";

    [Fact]
    public void Get_signature_covers_timestamp_key_recv_window_and_query() =>
        Assert.Equal(ExpectedSignature, BybitSigner.Sign(Secret, Timestamp, ApiKey, 5000, Query));

    [Fact]
    public void Headers_are_the_four_x_bapi_headers_with_that_signature()
    {
        var headers = BybitSigner.Headers(new ExchangeCredentials(ApiKey, Secret), Timestamp, 5000, Query);

        Assert.Equal(
            [
                new KeyValuePair<string, string>("X-BAPI-API-KEY", ApiKey),
                new("X-BAPI-TIMESTAMP", "1658384314791"),
                new("X-BAPI-RECV-WINDOW", "5000"),
                new("X-BAPI-SIGN", ExpectedSignature),
            ],
            headers);
    }

    [Fact]
    public void Post_signs_the_raw_json_body_exactly_as_sent()
    {
        const string body = """{"category":"linear","symbol":"BTCUSDT"}""";
        const string reformatted = """{"category": "linear", "symbol": "BTCUSDT"}""";

        Assert.NotEqual(
            BybitSigner.Sign(Secret, Timestamp, ApiKey, 5000, body),
            BybitSigner.Sign(Secret, Timestamp, ApiKey, 5000, reformatted));
    }
}
