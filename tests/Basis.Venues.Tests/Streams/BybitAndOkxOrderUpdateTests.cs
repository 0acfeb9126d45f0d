using System.Text.Json;
using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Bybit;
using Basis.Venues.Exchanges.Okx;
using Basis.Venues.Exchanges.Streams;

namespace Basis.Venues.Tests.Streams;

/// <summary>The private streams' login messages and the venues' documented order pushes, read field by field.</summary>
public sealed class BybitAndOkxOrderUpdateTests
{
    [Fact]
    public void Bybit_auth_signs_GET_realtime_and_the_expiry_in_hex()
    {
        // Expected: openssl dgst -sha256 -hmac test-secret-not-real of "GET/realtime1662350400000".
        var message = BybitOrderUpdateFeed.AuthMessage(new ExchangeCredentials("XXXXXXXXXX", "test-secret-not-real"), 1662350400000);

        Assert.Equal("""{"op":"auth","args":["XXXXXXXXXX",1662350400000,"8a96ced1081e0d7cebcee30ceab2aae747e2761558227be636e75431d5025fbf"]}""", message);
    }

    [Fact]
    public void Bybit_auth_answers_accept_refuse_with_Authentication_or_are_not_the_answer()
    {
        Assert.True(BybitOrderUpdateFeed.AuthAccepted("""{"req_id":"1","success":true,"ret_msg":"","op":"auth","conn_id":"cejreaspqfh3sjdnldmg-p"}"""));
        Assert.False(BybitOrderUpdateFeed.AuthAccepted("""{"success":true,"ret_msg":"pong","conn_id":"x","op":"ping"}"""));

        var refused = Assert.Throws<ExchangeException>(() =>
            BybitOrderUpdateFeed.AuthAccepted("""{"success":false,"ret_msg":"Params Error","op":"auth","conn_id":"chledgksvfrsvugulp60-3xa3"}"""));
        Assert.Equal(ExchangeErrorKind.Authentication, refused.Kind);
        Assert.Equal(ExchangeVenue.Bybit, refused.Venue);
        Assert.Contains("Params Error", refused.VenueMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Bybit_order_pushes_are_read_and_the_last_fill_is_the_change_in_the_totals()
    {
        // Bybit v5 "Order" (private stream) example, for a linear order: a partial fill, then the rest.
        const string partial = """{"id":"5923240c6880ab-c59f-420b-9adb-3639adc9dd90","topic":"order","creationTime":1672364262474,"data":[{"symbol":"BTCUSDT","orderId":"5cf98598-39a7-459e-97bf-76ca765ee020","side":"Sell","orderType":"Limit","cancelType":"UNKNOWN","price":"72500","qty":"1","orderIv":"","timeInForce":"GTC","orderStatus":"PartiallyFilled","orderLinkId":"abc1","lastPriceOnCreated":"","reduceOnly":false,"leavesQty":"0.6","leavesValue":"43500","cumExecQty":"0.4","cumExecValue":"29000","avgPrice":"72500","blockTradeId":"","positionIdx":0,"cumExecFee":"0.358635","createdTime":"1672364262444","updatedTime":"1672364262457","rejectReason":"EC_NoError","stopOrderType":"","tpslMode":"","triggerPrice":"","takeProfit":"","stopLoss":"","tpTriggerBy":"","slTriggerBy":"","tpLimitPrice":"","slLimitPrice":"","triggerDirection":0,"triggerBy":"","closeOnTrigger":false,"category":"linear","placeType":"","smpType":"None","smpGroup":0,"smpOrderId":"","feeCurrency":""}]}""";
        const string filled = """{"id":"2","topic":"order","creationTime":1672364263000,"data":[{"symbol":"BTCUSDT","orderId":"5cf98598-39a7-459e-97bf-76ca765ee020","side":"Sell","orderType":"Limit","price":"72500","qty":"1","orderStatus":"Filled","orderLinkId":"abc1","cumExecQty":"1","cumExecValue":"72530","avgPrice":"72530","updatedTime":"1672364262999","category":"linear"}]}""";
        var orders = new BybitOrderUpdateFeed.Orders();

        var first = Assert.Single(orders.Apply(partial));
        var second = Assert.Single(orders.Apply(filled));

        Assert.Equal(
            new OrderUpdate("BTCUSDT", "abc1", "5cf98598-39a7-459e-97bf-76ca765ee020", OrderSide.Sell, "TRADE", OrderStatus.PartiallyFilled, 1m, 72500m, 0.4m, 72500m, 0.4m, 72500m, DateTimeOffset.FromUnixTimeMilliseconds(1672364262457)),
            first);
        Assert.Equal(OrderStatus.Filled, second.Status);
        Assert.Equal(0.6m, second.LastFillQuantity);
        Assert.Equal(72550m, second.LastFillPrice); // (72530 − 29000) / 0.6
        Assert.Equal(72530m, second.AveragePrice);
    }

    [Fact]
    public void Bybit_new_cancelled_and_other_categories()
    {
        var orders = new BybitOrderUpdateFeed.Orders();
        const string row = """{"symbol":"ETHUSDT","orderId":"o1","side":"Buy","orderType":"Market","price":"3900","qty":"0.5","orderStatus":"{0}","orderLinkId":"m1","cumExecQty":"0","cumExecValue":"0","avgPrice":"","updatedTime":"1","category":"{1}"}""";
        string Push(string status, string category) => """{"topic":"order.linear","creationTime":1,"data":[""" + row.Replace("{0}", status, StringComparison.Ordinal).Replace("{1}", category, StringComparison.Ordinal) + "]}";

        var created = Assert.Single(orders.Apply(Push("New", "linear")));
        var cancelled = Assert.Single(orders.Apply(Push("Cancelled", "linear")));

        Assert.Equal(("NEW", OrderStatus.New, 0m, 0m), (created.Execution, created.Status, created.Price, created.AveragePrice)); // a market order's price is Bybit's cap, not a limit
        Assert.Equal(("CANCELED", OrderStatus.Canceled, 0m), (cancelled.Execution, cancelled.Status, cancelled.LastFillQuantity));
        Assert.Empty(orders.Apply(Push("New", "spot")));
        Assert.Empty(orders.Apply("""{"req_id":"x","op":"pong","args":["1675418560633"],"conn_id":"cfcb4ocsvfriu23r3er0-1b"}"""));
    }

    [Fact]
    public void Okx_login_signs_the_timestamp_GET_and_the_verify_path_in_base64()
    {
        // Expected: openssl of "1538054050GET/users/self/verify" with the secret of OKX's signing example.
        var message = OkxOrderUpdateFeed.LoginMessage(new ExchangeCredentials("985d5b66-57ce-40fb-b714-afc0b9787083", "22582BD0CFF14C41EDBF1AB98506286D", "123456"), 1538054050);

        using var document = JsonDocument.Parse(message);
        var arg = Assert.Single(document.RootElement.GetProperty("args").EnumerateArray().ToList());
        Assert.Equal("login", document.RootElement.GetProperty("op").GetString());
        Assert.Equal("985d5b66-57ce-40fb-b714-afc0b9787083", arg.GetProperty("apiKey").GetString());
        Assert.Equal("123456", arg.GetProperty("passphrase").GetString());
        Assert.Equal("1538054050", arg.GetProperty("timestamp").GetString());
        Assert.Equal("+LdIr8lkkvhr5hoA3g9TMC0+uQJ849ftAcocA/ouu4M=", arg.GetProperty("sign").GetString());
    }

    [Fact]
    public void Okx_login_answers_accept_refuse_with_Authentication_or_are_not_the_answer()
    {
        Assert.True(OkxOrderUpdateFeed.LoginAccepted("""{"event":"login","code":"0","msg":"","connId":"a4d3ae55"}"""));
        Assert.False(OkxOrderUpdateFeed.LoginAccepted("pong"));
        Assert.False(OkxOrderUpdateFeed.LoginAccepted("""{"event":"channel-conn-count","channel":"orders","connCount":"2","connId":"abcd1234"}"""));

        var refused = Assert.Throws<ExchangeException>(() =>
            OkxOrderUpdateFeed.LoginAccepted("""{"event":"error","code":"60009","msg":"Login failed.","connId":"a4d3ae55"}"""));
        Assert.Equal(ExchangeErrorKind.Authentication, refused.Kind);
        Assert.Equal(ExchangeVenue.Okx, refused.Venue);
        Assert.Equal("60009", refused.VenueCode);
    }

    [Fact]
    public async Task Okx_order_pushes_are_read_with_sizes_converted_from_contracts()
    {
        // OKX v5 "Order channel" push example (fields trimmed), as a swap: 3 contracts of 0.01 BTC, one filled.
        const string push = """{"arg":{"channel":"orders","instType":"SWAP","uid":"614488474791936"},"data":[{"accFillSz":"1","algoClOrdId":"","algoId":"","amendResult":"","amendSource":"","avgPx":"31527.1","cancelSource":"","category":"normal","ccy":"","clOrdId":"b15","code":"0","cTime":"1654084334977","execType":"M","fee":"-0.02522168","feeCcy":"USDT","fillFee":"-0.02522168","fillFeeCcy":"USDT","fillNotionalUsd":"31.50818374","fillPx":"31527.1","fillSz":"1","fillTime":"1654084353263","instId":"BTC-USDT-SWAP","instType":"SWAP","lever":"5","msg":"","notionalUsd":"945.8","ordId":"452197707845865472","ordType":"limit","pnl":"0","posSide":"net","px":"31527.1","rebate":"0","rebateCcy":"USDT","reduceOnly":"false","reqId":"","side":"buy","source":"","state":"partially_filled","sz":"3","tag":"","tdMode":"cross","tgtCcy":"","tradeId":"242589207","uTime":"1654084353264"}]}""";
        var asked = new List<string>();

        var updates = await OkxOrderUpdateFeed.ParseAsync(
            push,
            (instId, _) =>
            {
                asked.Add(instId);
                return Task.FromResult(0.01m);
            },
            TestContext.Current.CancellationToken);

        Assert.Equal(
            new OrderUpdate("BTC-USDT-SWAP", "b15", "452197707845865472", OrderSide.Buy, "TRADE", OrderStatus.PartiallyFilled, 0.03m, 31527.1m, 0.01m, 31527.1m, 0.01m, 31527.1m, DateTimeOffset.FromUnixTimeMilliseconds(1654084353264)),
            Assert.Single(updates));
        Assert.Equal(["BTC-USDT-SWAP"], asked);
    }

    [Fact]
    public async Task Okx_a_live_market_order_has_no_price_and_no_fill_and_other_messages_are_not_updates()
    {
        const string push = """{"arg":{"channel":"orders","instType":"SWAP","uid":"1"},"data":[{"instId":"ETH-USDT-SWAP","ordId":"9","clOrdId":"m2","side":"sell","ordType":"market","px":"","sz":"20","accFillSz":"0","avgPx":"","fillSz":"0","fillPx":"","state":"live","uTime":"1700000000000"}]}""";
        Task<decimal> ContractValue(string instId, CancellationToken token) => Task.FromResult(0.1m);

        var update = Assert.Single(await OkxOrderUpdateFeed.ParseAsync(push, ContractValue, TestContext.Current.CancellationToken));

        Assert.Equal(("NEW", OrderStatus.New, OrderSide.Sell, 2m, 0m, 0m, 0m), (update.Execution, update.Status, update.Side, update.Quantity, update.Price, update.LastFillQuantity, update.LastFillPrice));
        Assert.Empty(await OkxOrderUpdateFeed.ParseAsync("pong", ContractValue, TestContext.Current.CancellationToken));
        Assert.Empty(await OkxOrderUpdateFeed.ParseAsync("""{"event":"subscribe","arg":{"channel":"orders","instType":"SWAP"},"connId":"a4d3ae55"}""", ContractValue, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Private_endpoints_are_the_venues_documented_ones()
    {
        Assert.Equal("wss://stream.bybit.com/v5/private", StreamEndpoints.PrivateFor(ExchangeVenue.Bybit, BasisEnvironment.Production).ToString());
        Assert.Equal("wss://stream-testnet.bybit.com/v5/private", StreamEndpoints.PrivateFor(ExchangeVenue.Bybit, BasisEnvironment.Dev).ToString());
        Assert.Equal("wss://ws.okx.com:8443/ws/v5/private", StreamEndpoints.PrivateFor(ExchangeVenue.Okx, BasisEnvironment.Production).ToString());
        Assert.Equal("wss://wspap.okx.com:8443/ws/v5/private", StreamEndpoints.PrivateFor(ExchangeVenue.Okx, BasisEnvironment.Dev).ToString());
    }
}
