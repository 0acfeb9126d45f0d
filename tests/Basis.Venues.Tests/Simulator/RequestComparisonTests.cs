using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Basis.ExchangeSimulator.Control;
using Basis.Testing;
using Basis.Venues.Exchanges;

namespace Basis.Venues.Tests.Simulator;

/// <summary>
/// The same logical requests (set leverage 5 on BTC, market buy 0.01 BTC with client order id basisCmp1, query that
/// order by its id; on Bybit and OKX also a 100 USDT transfer from futures to spot, which the simulator's Binance lacks)
/// sent by an independent npm client (ccxt, bybit-api, okx-api) and by ours, compared as the simulator's
/// journal received them: method, path, parameter names, values and order, signing header names, and each signature
/// checked here with the account's secret. Timestamps and signatures differ by nature and are left out of the parameter
/// comparison; differences each venue accepts are listed per venue with the reason.
/// </summary>
public sealed class RequestComparisonTests
{
    private const string ClientOrderId = "basisCmp1";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Binance_requests_match_ccxts()
    {
        var (theirs, ours) = await CaptureAsync(
            ExchangeVenue.Binance, "binance-ccxt-requests.mjs", "ccxt", "X-MBX-APIKEY",
            ["POST /fapi/v1/leverage", "POST /fapi/v1/order", "GET /fapi/v1/order"]);

        foreach (var request in theirs.Concat(ours))
            Assert.True(BinanceSignatureVerifies(request), $"signature of {request.Method} {request.Path}");
        // recvWindow: ccxt's default is 10 000 ms, ours 5 000 (Binance's default; a late order should fail, not execute).
        // Order: ccxt puts timestamp first and its own parameter order; Binance verifies the string as sent, in any order.
        Compare(theirs, ours, BinanceParameters, acceptedParameters: ["~recvWindow"], acceptedHeaders: [], sameOrder: false);
    }

    [Fact]
    public async Task Bybit_requests_match_bybit_apis()
    {
        var (theirs, ours) = await CaptureAsync(
            ExchangeVenue.Bybit, "bybit-api-requests.mjs", "bybit-api", "X-BAPI-API-KEY",
            ["POST /v5/position/set-leverage", "POST /v5/order/create", "GET /v5/order/realtime", "POST /v5/asset/transfer/inter-transfer"]);

        foreach (var request in theirs.Concat(ours))
            Assert.True(BybitSignatureVerifies(request), $"signature of {request.Method} {request.Path}");
        // Bodies and queries are byte-identical but for the transfer's transferId, a fresh UUID from each client.
        // bybit-api also sends X-BAPI-SIGN-TYPE: 2 (HMAC), which is what Bybit assumes without it.
        Compare(theirs, ours, JsonOrQueryParameters, acceptedParameters: ["~transferId"], acceptedHeaders: ["-X-BAPI-SIGN-TYPE"], sameOrder: true);
        Assert.Equal(theirs.Select(WithoutTransferId), ours.Select(WithoutTransferId));

        static string WithoutTransferId(JournaledRequest r) =>
            Regex.Replace(r.BodyText, "\"transferId\":\"[0-9a-f-]{36}\"", "\"transferId\":\"uuid\"") + r.Query;
    }

    [Fact]
    public async Task Okx_requests_match_okx_apis()
    {
        var (theirs, ours) = await CaptureAsync(
            ExchangeVenue.Okx, "okx-api-requests.mjs", "okx-api", "OK-ACCESS-KEY",
            ["POST /api/v5/account/set-leverage", "POST /api/v5/trade/order", "GET /api/v5/trade/order", "POST /api/v5/asset/transfer"]);

        foreach (var request in theirs.Concat(ours))
            Assert.True(OkxSignatureVerifies(request), $"signature of {request.Method} {request.Path}");
        // tag: okx-api's broker code on every POST body (we have none). Order: ours puts clOrdId after tdMode; OKX signs
        // the body as sent, so field order is free. okx-api also sends Content-Type on GETs without a body.
        Compare(theirs, ours, JsonOrQueryParameters, acceptedParameters: ["-tag"], acceptedHeaders: [], sameOrder: false);
        Assert.Equal(theirs[2].Query, ours[2].Query);
    }

    // Runs the npm client as one account and ours as another (same secret), then takes each one's requests to `operations`.
    private static async Task<(List<JournaledRequest> Theirs, List<JournaledRequest> Ours)> CaptureAsync(
        ExchangeVenue venue, string script, string package, string keyHeader, string[] operations)
    {
        var node = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "node")).FirstOrDefault(File.Exists);
        var tools = Path.Combine(SimulatorRig.RepositoryRoot, ".ci", "tools", "node_modules");
        if (node is null)
            ServiceRequirement.Unavailable("node is not on PATH");
        if (!File.Exists(Path.Combine(tools, package, "package.json")))
            ServiceRequirement.Unavailable($"{package} is not installed in {tools}; run 'npm ci --prefix .ci/tools'");

        await using var rig = await SimulatorRig.StartAsync(venue);
        var scriptPath = Path.Combine(SimulatorRig.RepositoryRoot, "tests", "Basis.ExchangeSimulator.Tests", "clients", script);
        List<string> arguments = [scriptPath, tools, rig.Host.BaseUrl, SimulatorRig.NodeKey, SimulatorRig.Secret];
        if (venue == ExchangeVenue.Okx)
            arguments.Add(SimulatorRig.Passphrase);
        arguments.Add(ClientOrderId);
        await ServiceProcess.RunAsync(node, arguments, TimeSpan.FromSeconds(30));

        await rig.Client.SetLeverageAsync(rig.Symbol, 5, Token);
        await rig.Client.PlaceOrderAsync(OrderRequest.Market(TradingAccount.Futures, rig.Symbol, OrderSide.Buy, 0.01m, ClientOrderId), Token);
        await rig.Client.GetOrderAsync(TradingAccount.Futures, rig.Symbol, ClientOrderId, Token);
        if (venue != ExchangeVenue.Binance)
            await rig.Client.TransferAsync("USDT", 100m, TransferDirection.FuturesToSpot, Token);

        var entries = rig.Journal.Entries;
        foreach (var e in entries)
            TestContext.Current.TestOutputHelper?.WriteLine($"{e.Header(keyHeader)} {e.Method} {e.Path}?{e.Query} [{string.Join(", ", e.Headers.Select(h => h.Key))}] {e.BodyText}");
        return (Pick(SimulatorRig.NodeKey), Pick(SimulatorRig.Key));

        // The first request of each operation (a later one would be a poll of the same).
        List<JournaledRequest> Pick(string key) =>
        [
            .. operations.Select(op => entries.First(e => e.Header(keyHeader) == key && $"{e.Method} {e.Path}" == op)),
        ];
    }

    // Per operation: the same method and path, the same signing headers and the same parameters with the same values,
    // except the accepted differences ("+x": only ours sends x; "-x": only theirs; "~x": both, with different values),
    // and, when sameOrder, in the same order.
    private static void Compare(
        List<JournaledRequest> theirs, List<JournaledRequest> ours, Func<JournaledRequest, List<KeyValuePair<string, string>>> parameters,
        string[] acceptedParameters, string[] acceptedHeaders, bool sameOrder)
    {
        for (var i = 0; i < theirs.Count; i++)
        {
            var operation = $"{theirs[i].Method} {theirs[i].Path}";
            Assert.Equal(operation, $"{ours[i].Method} {ours[i].Path}");
            Assert.Equal(acceptedHeaders.Order(StringComparer.Ordinal), Differences(SigningHeaders(theirs[i]), SigningHeaders(ours[i])));

            var their = parameters(theirs[i]);
            var our = parameters(ours[i]);
            var valueDifferences = our.Where(p => their.Any(t => t.Key == p.Key && t.Value != p.Value)).Select(p => "~" + p.Key);
            Assert.Equal(
                acceptedParameters.Where(a => their.Any(p => p.Key == a[1..]) || our.Any(p => p.Key == a[1..])).Order(StringComparer.Ordinal),
                Differences(their.Select(p => p.Key), our.Select(p => p.Key)).Concat(valueDifferences).Order(StringComparer.Ordinal));
            if (sameOrder)
                Assert.Equal(their.Select(p => p.Key), our.Select(p => p.Key));
        }
    }

    private static IEnumerable<string> Differences(IEnumerable<string> theirs, IEnumerable<string> ours) =>
        ours.Except(theirs).Select(k => "+" + k).Concat(theirs.Except(ours).Select(k => "-" + k)).Order(StringComparer.Ordinal);

    // Content-Type is left out: it follows from having a body (okx-api sends it on GETs too).
    private static string[] SigningHeaders(JournaledRequest request) =>
        [.. request.Headers.Keys.Where(k => !k.Equals("content-type", StringComparison.OrdinalIgnoreCase)).Select(k => k.ToUpperInvariant()).Order(StringComparer.Ordinal)];

    // Binance reads query and form body together; timestamp and signature are per request by nature.
    private static List<KeyValuePair<string, string>> BinanceParameters(JournaledRequest request) =>
        [.. Pairs(request.Query).Concat(Pairs(request.BodyText)).Where(p => p.Key is not ("timestamp" or "signature"))];

    private static List<KeyValuePair<string, string>> JsonOrQueryParameters(JournaledRequest request)
    {
        if (request.Body.Length == 0)
            return Pairs(request.Query);
        using var json = JsonDocument.Parse(request.Body);
        return [.. json.RootElement.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetRawText()))];
    }

    private static List<KeyValuePair<string, string>> Pairs(string urlEncoded) =>
        [.. urlEncoded.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=', 2))
            .Select(p => new KeyValuePair<string, string>(Decode(p[0]), p.Length > 1 ? Decode(p[1]) : ""))];

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));

    // HMAC-SHA256 over query then body exactly as sent, up to "&signature=" (Binance's SIGNED endpoint security).
    private static bool BinanceSignatureVerifies(JournaledRequest request)
    {
        var total = request.Query + request.BodyText;
        var at = total.LastIndexOf("&signature=", StringComparison.Ordinal);
        return at > 0 && Hex(total[..at]) == total[(at + "&signature=".Length)..];
    }

    // HMAC-SHA256 hex of timestamp + key + recvWindow + (query or body) (Bybit v5 authentication).
    private static bool BybitSignatureVerifies(JournaledRequest request) =>
        Hex(request.Header("X-BAPI-TIMESTAMP") + request.Header("X-BAPI-API-KEY") + request.Header("X-BAPI-RECV-WINDOW")
            + (request.Method == "GET" ? request.Query : request.BodyText)) == request.Header("X-BAPI-SIGN");

    // Base64 HMAC-SHA256 of timestamp + method + path with query + body (OKX v5 REST authentication).
    private static bool OkxSignatureVerifies(JournaledRequest request)
    {
        var prehash = request.Header("OK-ACCESS-TIMESTAMP") + request.Method + request.Path
            + (request.Query.Length > 0 ? "?" + request.Query : "") + request.BodyText;
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SimulatorRig.Secret), Encoding.UTF8.GetBytes(prehash)))
            == request.Header("OK-ACCESS-SIGN");
    }

    private static string Hex(string text) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SimulatorRig.Secret), Encoding.UTF8.GetBytes(text)));
}
