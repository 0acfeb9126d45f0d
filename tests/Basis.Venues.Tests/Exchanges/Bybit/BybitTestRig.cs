using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Bybit;

namespace Basis.Venues.Tests.Exchanges.Bybit;

internal sealed class BybitTestRig : IDisposable
{
    public const string ApiKey = "XXXXXXXXXX";
    public const string Secret = "test-secret-not-real";
    public const string AllowedAddress = "0x1111111111111111111111111111111111111111";

    // The timestamp of Bybit's signing example.
    public static readonly DateTimeOffset LocalStart = DateTimeOffset.FromUnixTimeMilliseconds(1658384314791);

    private readonly HttpClient _http;

    public BybitTestRig()
    {
        // https://bybit-exchange.github.io/docs/v5/market/time
        Server = new ScriptedExchange("GET /v5/market/time", ms => $$"""
            {"retCode":0,"retMsg":"OK","result":{"timeSecond":"{{ms / 1000}}","timeNano":"{{ms}}000000"},"retExtInfo":{},"time":{{ms}}}
            """)
        {
            ServerTimeMs = LocalStart.ToUnixTimeMilliseconds(),
        };
        Clock = new SimulatedClock(LocalStart);
        Logger = new RecordingLogger<BybitExchangeClient>();
        _http = new HttpClient(Server);
        Client = new BybitExchangeClient(
            _http,
            new BybitClientOptions
            {
                Endpoints = ExchangeEndpoints.OneBaseUrl(new Uri("https://bybit.test"), isTestnet: false),
                Credentials = new ExchangeCredentials(ApiKey, Secret),
                WithdrawalAllowList = new HashSet<string> { AllowedAddress },
            },
            Clock,
            Logger);
    }

    public ScriptedExchange Server { get; }
    public SimulatedClock Clock { get; }
    public RecordingLogger<BybitExchangeClient> Logger { get; }
    public BybitExchangeClient Client { get; }

    public void Dispose() => _http.Dispose();

    public static string Envelope(string result, int retCode = 0, string retMsg = "OK") =>
        $$"""{"retCode":{{retCode}},"retMsg":"{{retMsg}}","result":{{result}},"retExtInfo":{},"time":1658384314791}""";

    public static string Error(int retCode, string retMsg) => Envelope("{}", retCode, retMsg);

    // https://bybit-exchange.github.io/docs/v5/order/open-order (response example, values adapted).
    public static string Orders(string orderLinkId, string status = "New", string cumExecQty = "0.00", string avgPrice = "0") => Envelope($$"""
        {
          "list": [
            {
              "orderId": "fd4300ae-7847-404e-b947-b46980a4d140", "orderLinkId": "{{orderLinkId}}", "blockTradeId": "",
              "symbol": "ETHUSDT", "price": "1600.00", "qty": "0.10", "side": "Buy", "isLeverage": "", "positionIdx": 0,
              "orderStatus": "{{status}}", "cancelType": "UNKNOWN", "rejectReason": "EC_NoError", "avgPrice": "{{avgPrice}}",
              "leavesQty": "0.10", "leavesValue": "160", "cumExecQty": "{{cumExecQty}}", "cumExecValue": "0", "cumExecFee": "0",
              "timeInForce": "GTC", "orderType": "Limit", "stopOrderType": "", "orderIv": "", "triggerPrice": "0.00",
              "takeProfit": "2500.00", "stopLoss": "1500.00", "tpTriggerBy": "LastPrice", "slTriggerBy": "LastPrice",
              "triggerDirection": 0, "triggerBy": "UNKNOWN", "lastPriceOnCreated": "", "reduceOnly": false,
              "closeOnTrigger": false, "smpType": "None", "smpGroup": 0, "smpOrderId": "", "tpslMode": "Full",
              "tpLimitPrice": "", "slLimitPrice": "", "placeType": "", "createdTime": "1684738540559",
              "updatedTime": "1684738540561"
            }
          ],
          "nextPageCursor": "", "category": "linear"
        }
        """);

    public static string NoOrders() => Envelope("""{"list":[],"nextPageCursor":"","category":"linear"}""");
}
