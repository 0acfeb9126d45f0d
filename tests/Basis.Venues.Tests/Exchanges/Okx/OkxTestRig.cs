using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Okx;

namespace Basis.Venues.Tests.Exchanges.Okx;

internal sealed class OkxTestRig : IDisposable
{
    public const string ApiKey = "okx-api-key";
    public const string Secret = "22582BD0CFF14C41EDBF1AB98506286D";
    public const string Passphrase = "okx-passphrase";
    public const string AllowedAddress = "0x1111111111111111111111111111111111111111";

    // The timestamp of OKX's signing example, 2020-12-08T09:08:57.715Z.
    public static readonly DateTimeOffset LocalStart = new(2020, 12, 8, 9, 8, 57, 715, TimeSpan.Zero);

    private readonly HttpClient _http;

    public OkxTestRig(bool demoTrading = false, MarginMode marginMode = MarginMode.Cross)
    {
        // https://www.okx.com/docs-v5/en/#public-data-rest-api-get-system-time
        Server = new ScriptedExchange("GET /api/v5/public/time", ms => $$"""{"code":"0","msg":"","data":[{"ts":"{{ms}}"}]}""")
        {
            ServerTimeMs = LocalStart.ToUnixTimeMilliseconds(),
        };
        Clock = new SimulatedClock(LocalStart);
        _http = new HttpClient(Server);
        Client = new OkxExchangeClient(
            _http,
            new OkxClientOptions
            {
                Endpoints = ExchangeEndpoints.OneBaseUrl(new Uri("https://okx.test"), demoTrading),
                Credentials = new ExchangeCredentials(ApiKey, Secret, Passphrase),
                MarginMode = marginMode,
                WithdrawalAllowList = new HashSet<string> { AllowedAddress },
            },
            Clock,
            new RecordingLogger<OkxExchangeClient>());
    }

    public ScriptedExchange Server { get; }
    public SimulatedClock Clock { get; }
    public OkxExchangeClient Client { get; }

    public void Dispose() => _http.Dispose();

    public static string Envelope(string data) => $$"""{"code":"0","msg":"","data":{{data}}}""";

    // https://www.okx.com/docs-v5/en/#public-data-rest-api-get-instruments (fields trimmed)
    public static string Instrument(string instId, string ctVal) => Envelope($$"""
        [{"instType":"SWAP","instId":"{{instId}}","uly":"","instFamily":"","ctVal":"{{ctVal}}","ctMult":"1","ctValCcy":"","lotSz":"1",
          "minSz":"1","tickSz":"0.1","settleCcy":"USDT","ctType":"linear","state":"live"}]
        """);

    // https://www.okx.com/docs-v5/en/#order-book-trading-trade-get-order-details (fields trimmed, values adapted)
    public static string Order(string clOrdId, string state = "live", string accFillSz = "0", string avgPx = "") => Envelope($$"""
        [{"instType":"SWAP","instId":"BTC-USDT-SWAP","ccy":"","ordId":"680800019749904384","clOrdId":"{{clOrdId}}","tag":"",
          "px":"9000","sz":"5","pnl":"0","ordType":"limit","side":"buy","posSide":"net","tdMode":"cross","accFillSz":"{{accFillSz}}",
          "fillPx":"","tradeId":"","fillSz":"0","fillTime":"","state":"{{state}}","avgPx":"{{avgPx}}","lever":"5","fee":"0",
          "feeCcy":"USDT","rebate":"0","rebateCcy":"USDT","category":"normal","reduceOnly":"false","cancelSource":"",
          "uTime":"1708587373361","cTime":"1708587373361"}]
        """);

    public const string OrderNotFound = """{"code":"51603","msg":"Order does not exist","data":[]}""";
}
