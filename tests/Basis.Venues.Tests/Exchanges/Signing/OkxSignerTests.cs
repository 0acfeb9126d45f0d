using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Signing;

namespace Basis.Venues.Tests.Exchanges.Signing;

// OKX's published inputs; the signatures agree with okx-api, ccxt and openssl (shared/docs/SIGNING_VECTORS.md).
public sealed class OkxSignerTests
{
    private const string Secret = "22582BD0CFF14C41EDBF1AB98506286D";
    private static readonly DateTimeOffset Time = new(2020, 12, 8, 9, 8, 57, 715, TimeSpan.Zero);

    [Fact]
    public void Timestamp_is_iso_utc_with_milliseconds() =>
        Assert.Equal("2020-12-08T09:08:57.715Z", OkxSigner.FormatTimestamp(Time.ToOffset(TimeSpan.FromHours(8))));

    [Fact]
    public void Get_signature_covers_the_path_with_its_query() =>
        Assert.Equal(
            "HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY=",
            OkxSigner.Sign(Secret, "2020-12-08T09:08:57.715Z", HttpMethod.Get, "/api/v5/account/balance?ccy=BTC"));

    [Fact]
    public void Post_signature_covers_the_json_body() =>
        Assert.Equal(
            "eCnnCgWLjlQ9XnpUkrcny3qNq3WW/81KNrDr/XR6Xv8=",
            OkxSigner.Sign(
                Secret, "2020-12-08T09:08:57.715Z", HttpMethod.Post, "/api/v5/account/set-leverage",
                """{"instId":"BTC-USDT","lever":"5","mgnMode":"isolated"}"""));

    [Fact]
    public void Headers_include_the_passphrase_and_no_demo_flag_on_mainnet()
    {
        var headers = OkxSigner.Headers(
            new ExchangeCredentials("okx-key", Secret, "okx-pass"), Time, HttpMethod.Get, "/api/v5/account/balance?ccy=BTC", "",
            demoTrading: false);

        Assert.Equal(
            [
                new KeyValuePair<string, string>("OK-ACCESS-KEY", "okx-key"),
                new("OK-ACCESS-SIGN", "HiZhvSfMtWJA3uUIVXV3a/bSXNPCWvYFXoGCVS8V4zY="),
                new("OK-ACCESS-TIMESTAMP", "2020-12-08T09:08:57.715Z"),
                new("OK-ACCESS-PASSPHRASE", "okx-pass"),
            ],
            headers);
    }

    [Fact]
    public void Demo_trading_adds_the_simulated_trading_header()
    {
        var headers = OkxSigner.Headers(
            new ExchangeCredentials("okx-key", Secret, "okx-pass"), Time, HttpMethod.Post, "/api/v5/account/set-leverage",
            """{"instId":"BTC-USDT","lever":"5","mgnMode":"isolated"}""", demoTrading: true);

        Assert.Contains(new KeyValuePair<string, string>("OK-ACCESS-SIGN", "eCnnCgWLjlQ9XnpUkrcny3qNq3WW/81KNrDr/XR6Xv8="), headers);
        Assert.Equal(new KeyValuePair<string, string>("x-simulated-trading", "1"), headers[^1]);
    }

    [Fact]
    public void Credentials_without_a_passphrase_are_refused() =>
        Assert.Throws<ArgumentException>(() => OkxSigner.Headers(
            new ExchangeCredentials("okx-key", Secret), Time, HttpMethod.Get, "/api/v5/account/balance", "", demoTrading: false));
}
