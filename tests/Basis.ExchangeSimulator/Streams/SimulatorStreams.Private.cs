using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Basis.ExchangeSimulator.Accounting;
using Basis.ExchangeSimulator.Bybit;
using Basis.ExchangeSimulator.Okx;

namespace Basis.ExchangeSimulator.Streams;

/// <summary>
/// Bybit's and OKX's private streams, for the accounts (keys, secrets, passphrases) of the REST side. After a login
/// and a subscription they push every change to the account's orders (the Binance user data stream's changes: NEW,
/// each fill, CANCELED), each with the order as it stood after that change.
/// <list type="bullet">
/// <item>Bybit <c>/v5/private</c>: <c>{"op":"auth","args":[key, expires, hex HMAC of "GET/realtime" + expires]}</c>,
/// expires (Unix ms) in the future → <c>{"success":true,"ret_msg":"","op":"auth",…}</c> or <c>"success":false</c>;
/// then <c>order</c> / <c>order.linear</c>; <c>{"op":"ping"}</c> → <c>{"op":"pong",…}</c> (the private form).</item>
/// <item>OKX <c>/ws/v5/private</c>: <c>{"op":"login","args":[{apiKey, passphrase, timestamp (Unix s), sign = base64
/// HMAC of timestamp + "GET/users/self/verify"}]}</c>, at most 30 s off → <c>{"event":"login","code":"0"}</c> or
/// <c>{"event":"error","code":"600xx"}</c>; then <c>orders</c> (instType SWAP or ANY, optionally one instId), sizes
/// in contracts; <c>ping</c> → <c>pong</c>.</item>
/// </list>
/// </summary>
internal sealed partial class SimulatorStreams
{
    private static readonly TimeSpan OkxLoginWindow = TimeSpan.FromSeconds(30);

    private void BybitPrivateReply(StreamConnection connection, string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var op = root.TryGetProperty("op", out var o) ? o.GetString() : null;
        var reqId = root.TryGetProperty("req_id", out var r) ? "\"req_id\":" + JsonSerializer.Serialize(r.GetString()) + "," : string.Empty;
        switch (op)
        {
            case "ping":
                connection.Replies.Enqueue($$"""{{{reqId}}"op":"pong","args":["{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}"],"conn_id":"{{connection.ConnId}}"}""");
                return;
            case "auth":
                var refusal = BybitAuthRefusal(root, connection);
                connection.Replies.Enqueue($$"""{{{reqId}}"success":{{(refusal is null ? "true" : "false")}},"ret_msg":"{{refusal}}","op":"auth","conn_id":"{{connection.ConnId}}"}""");
                return;
            case "subscribe":
                var topics = root.GetProperty("args").EnumerateArray().Select(a => a.GetString() ?? string.Empty).ToList();
                var refused = connection.ApiKey is null ? "Request not authorized"
                    : topics.FirstOrDefault(t => t is not ("order" or "order.linear")) is { } unknown ? $"Invalid topic :[{unknown}]"
                    : null;
                // Subscribed before the acknowledgement is queued, so the baseline is taken before the client hears it.
                foreach (var topic in refused is null ? topics : [])
                {
                    connection.Subscriptions.TryAdd(topic + "|" + connection.ApiKey, false);
                }

                connection.Replies.Enqueue($$"""{{{reqId}}"success":{{(refused is null ? "true" : "false")}},"ret_msg":"{{refused}}","conn_id":"{{connection.ConnId}}","op":"subscribe"}""");
                return;
        }
    }

    // Bybit's auth answer carries only success and ret_msg: "Params Error" for a malformed or lapsed request (as the
    // venue says it), "Request not authorized" for an unknown key or a wrong signature.
    private string? BybitAuthRefusal(JsonElement root, StreamConnection connection)
    {
        if (!root.TryGetProperty("args", out var args) || args.ValueKind != JsonValueKind.Array || args.GetArrayLength() != 3
            || args[1].ToString() is var expiresText && !long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
            || expires <= DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())
        {
            return "Params Error";
        }

        var key = args[0].GetString() ?? string.Empty;
        SimAccount? account;
        lock (_bybit.Sync)
        {
            account = _bybit.Accounts.GetValueOrDefault(key);
        }

        if (account is null || !SameText(BybitApi.Sign(account.Secret, "GET/realtime" + expiresText), (args[2].GetString() ?? string.Empty).ToLowerInvariant()))
        {
            return "Request not authorized";
        }

        connection.ApiKey = key;
        return null;
    }

    private void OkxPrivateReply(StreamConnection connection, string text)
    {
        if (text == "ping")
        {
            connection.Replies.Enqueue("pong");
            return;
        }

        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        var op = root.TryGetProperty("op", out var o) ? o.GetString() : null;
        var args = root.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : [];
        if (op == "login")
        {
            var refusal = args.Count == 1 ? OkxLoginRefusal(args[0], connection) : ("60012", "Invalid request");
            connection.Replies.Enqueue(refusal is { } refused
                ? $$"""{"event":"error","code":"{{refused.Code}}","msg":"{{refused.Message}}","connId":"{{connection.ConnId}}"}"""
                : $$"""{"event":"login","code":"0","msg":"","connId":"{{connection.ConnId}}"}""");
            return;
        }

        if (op != "subscribe")
        {
            return;
        }

        if (connection.ApiKey is null)
        {
            connection.Replies.Enqueue($$"""{"event":"error","code":"60011","msg":"Please log in","connId":"{{connection.ConnId}}"}""");
            return;
        }

        foreach (var arg in args)
        {
            var channel = arg.TryGetProperty("channel", out var c) ? c.GetString() : null;
            var instType = arg.TryGetProperty("instType", out var t) ? t.GetString() : null;
            var instId = arg.TryGetProperty("instId", out var i) ? i.GetString() : null;
            var symbol = instId is null ? string.Empty : OkxSymbol(instId);
            if (channel != "orders" || instType is not ("SWAP" or "ANY") || symbol is null)
            {
                connection.Replies.Enqueue($$"""{"event":"error","code":"60018","msg":"Wrong URL or channel:{{channel}},instId:{{instId}} doesn't exist.","connId":"{{connection.ConnId}}"}""");
                continue;
            }

            connection.Subscriptions.TryAdd($"orders|{connection.ApiKey}|{symbol}", false); // before the acknowledgement, as for Bybit
            connection.Replies.Enqueue($$"""{"event":"subscribe","arg":{{arg.GetRawText()}},"connId":"{{connection.ConnId}}"}""");
        }
    }

    // OKX's codes for a refused login (WebSocket error codes 60004–60024).
    private (string Code, string Message)? OkxLoginRefusal(JsonElement login, StreamConnection connection)
    {
        string Field(string name) => login.TryGetProperty(name, out var value) ? value.GetString() ?? string.Empty : string.Empty;
        SimAccount? account;
        lock (_okx.Sync)
        {
            account = _okx.Accounts.GetValueOrDefault(Field("apiKey"));
        }

        var timestamp = Field("timestamp");
        if (account is null)
        {
            return ("60005", "Invalid apiKey");
        }

        if (account.Passphrase.Length == 0 || Field("passphrase") != account.Passphrase)
        {
            return ("60024", "Wrong passphrase");
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return ("60004", "Invalid timestamp");
        }

        if ((DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > OkxLoginWindow)
        {
            return ("60006", "Timestamp request expired");
        }

        if (!SameText(OkxApi.Sign(account.Secret, timestamp + "GET/users/self/verify"), Field("sign")))
        {
            return ("60007", "Invalid sign");
        }

        connection.ApiKey = account.ApiKey;
        return null;
    }

    private static bool SameText(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(actual));

    // Bybit's order topic (v5 private "Order"): one push per change, the order as it then stood.
    private IEnumerable<string> BybitOrders(StreamConnection connection, string key, long unixSeconds, bool first)
    {
        var (topic, apiKey) = (key[..key.IndexOf('|', StringComparison.Ordinal)], key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..]);
        foreach (var (order, execution, status, executed, quote, _, _) in OrderChanges(connection, key, _bybit.Accounts[apiKey], first))
        {
            var open = status is OrderStatus.New || (status is OrderStatus.PartiallyFilled && order.Type is OrderType.Limit);
            var orderStatus = execution switch
            {
                "NEW" => "New",
                "CANCELED" => executed > 0 ? "PartiallyFilledCanceled" : "Cancelled",
                _ when status is OrderStatus.Filled => "Filled",
                _ => open ? "PartiallyFilled" : "PartiallyFilledCanceled",
            };
            var fee = order.Type is OrderType.Market ? _bybit.Terms.TakerFee : _bybit.Terms.MakerFee;
            var row = string.Create(
                CultureInfo.InvariantCulture,
                $$"""{"category":"linear","symbol":"{{order.Symbol}}","orderId":"{{BybitApi.OrderId(order)}}","side":"{{(order.Side is OrderSide.Buy ? "Buy" : "Sell")}}","orderType":"{{(order.Type is OrderType.Market ? "Market" : "Limit")}}","cancelType":"{{(execution == "CANCELED" ? "CancelByUser" : "UNKNOWN")}}","price":"{{Plain(order.Price)}}","qty":"{{Plain(order.Quantity)}}","orderIv":"","timeInForce":"{{order.TimeInForce}}","orderStatus":"{{orderStatus}}","orderLinkId":"{{order.ClientOrderId}}","lastPriceOnCreated":"","reduceOnly":{{(order.ReduceOnly ? "true" : "false")}},"leavesQty":"{{Plain(open ? order.Quantity - executed : 0m)}}","leavesValue":"{{Plain(open ? (order.Quantity - executed) * order.Price : 0m)}}","cumExecQty":"{{Plain(executed)}}","cumExecValue":"{{Plain(quote)}}","avgPrice":"{{(executed == 0 ? string.Empty : Plain(quote / executed))}}","blockTradeId":"","positionIdx":0,"cumExecFee":"{{Plain(quote * fee)}}","createdTime":"{{order.TimeMs}}","updatedTime":"{{order.UpdateTimeMs}}","rejectReason":"EC_NoError","stopOrderType":"","tpslMode":"","triggerPrice":"","takeProfit":"","stopLoss":"","tpTriggerBy":"","slTriggerBy":"","tpLimitPrice":"","slLimitPrice":"","triggerDirection":0,"triggerBy":"","closeOnTrigger":false,"placeType":"","smpType":"None","smpGroup":0,"smpOrderId":"","feeCurrency":""}""");
            yield return string.Create(
                CultureInfo.InvariantCulture,
                $$"""{"id":"{{connection.ConnId}}-{{Interlocked.Increment(ref _sequence)}}","topic":"{{topic}}","creationTime":{{unixSeconds * 1000}},"data":[{{row}}]}""");
        }
    }

    // OKX's orders channel: one push per change, sizes in contracts, fillSz / fillPx the fill it brought.
    private IEnumerable<string> OkxOrders(StreamConnection connection, string key, long unixSeconds, bool first)
    {
        var parts = key.Split('|');
        var (apiKey, only) = (parts[1], parts[2]);
        var account = _okx.Accounts[apiKey];
        var uid = (_okx.Accounts.Keys.ToList().IndexOf(apiKey) + 1).ToString(CultureInfo.InvariantCulture);
        foreach (var (order, execution, status, executed, quote, lastQuantity, lastPrice) in OrderChanges(connection, key, account, first))
        {
            if (only.Length > 0 && order.Symbol != only)
            {
                continue;
            }

            var ctVal = OkxApi.ContractValue[order.Symbol];
            var fee = order.Type is OrderType.Market ? _okx.Terms.TakerFee : _okx.Terms.MakerFee;
            var state = execution switch
            {
                "NEW" => "live",
                "CANCELED" => "canceled",
                _ when status is OrderStatus.Filled => "filled",
                _ => order.Type is OrderType.Limit ? "partially_filled" : "canceled",
            };
            var fill = lastQuantity > 0;
            var instId = InstId(order.Symbol);
            var arg = only.Length > 0
                ? $$"""{"channel":"orders","instType":"SWAP","instId":"{{instId}}","uid":"{{uid}}"}"""
                : $$"""{"channel":"orders","instType":"SWAP","uid":"{{uid}}"}""";
            var row = string.Create(
                CultureInfo.InvariantCulture,
                $$"""{"instType":"SWAP","instId":"{{instId}}","tgtCcy":"","ccy":"","ordId":"{{order.OrderId}}","clOrdId":"{{order.ClientOrderId}}","algoClOrdId":"","algoId":"","tag":"","px":"{{(order.Type is OrderType.Limit ? Plain(order.Price) : string.Empty)}}","sz":"{{Plain(order.Quantity / ctVal)}}","notionalUsd":"{{Plain(order.Quantity * _okx.Mark(order.Symbol))}}","ordType":"{{(order.Type is OrderType.Market ? "market" : "limit")}}","side":"{{(order.Side is OrderSide.Buy ? "buy" : "sell")}}","posSide":"net","tdMode":"cross","fillPx":"{{(fill ? Plain(lastPrice) : string.Empty)}}","tradeId":"{{(fill ? Interlocked.Increment(ref _sequence).ToString(CultureInfo.InvariantCulture) : string.Empty)}}","fillSz":"{{Plain(lastQuantity / ctVal)}}","fillPnl":"0","fillTime":"{{(fill ? order.UpdateTimeMs.ToString(CultureInfo.InvariantCulture) : string.Empty)}}","fillFee":"{{Plain(-lastQuantity * lastPrice * fee)}}","fillFeeCcy":"{{(fill ? "USDT" : string.Empty)}}","execType":"{{(fill ? (order.Type is OrderType.Market ? "T" : "M") : string.Empty)}}","accFillSz":"{{Plain(executed / ctVal)}}","fillNotionalUsd":"{{(fill ? Plain(lastQuantity * lastPrice) : string.Empty)}}","avgPx":"{{(executed == 0 ? "0" : Plain(quote / executed))}}","state":"{{state}}","lever":"{{account.LeverageOf(order.Symbol)}}","attachAlgoClOrdId":"","tpTriggerPx":"","tpTriggerPxType":"","tpOrdPx":"","slTriggerPx":"","slTriggerPxType":"","slOrdPx":"","stpId":"","stpMode":"","feeCcy":"USDT","fee":"{{Plain(-quote * fee)}}","rebateCcy":"USDT","rebate":"0","pnl":"0","source":"","cancelSource":"{{(execution == "CANCELED" ? "1" : string.Empty)}}","category":"normal","uTime":"{{order.UpdateTimeMs}}","cTime":"{{order.TimeMs}}","reqId":"","amendResult":"","reduceOnly":"{{(order.ReduceOnly ? "true" : "false")}}","quickMgnType":"","code":"0","msg":"","isTpLimit":"false","lastPx":"{{Plain(_okx.Mark(order.Symbol))}}"}""");
            yield return $$"""{"arg":{{arg}},"data":[{{row}}]}""";
        }
    }
}
