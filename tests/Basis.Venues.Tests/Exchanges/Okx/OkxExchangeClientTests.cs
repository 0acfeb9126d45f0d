using System.Net;
using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Okx;
using Basis.Venues.Exchanges.Signing;
using static Basis.Venues.Tests.Exchanges.ScriptedExchange;

namespace Basis.Venues.Tests.Exchanges.Okx;

public sealed class OkxExchangeClientTests
{
    private static readonly string ClientOrderId = ClientOrderIds.Derive("test-run/2020-12-08T09:00Z/long-swap");

    private static OrderRequest LimitBuy(decimal quantityBtc = 0.05m) =>
        OrderRequest.Limit(TradingAccount.Futures, "BTC-USDT-SWAP", OrderSide.Buy, quantityBtc, 9000m, ClientOrderId);

    [Fact]
    public async Task Setting_leverage_sends_okxs_published_example_with_its_published_signature()
    {
        using var rig = new OkxTestRig(marginMode: MarginMode.Isolated);
        rig.Server.On("POST /api/v5/account/set-leverage", Ok(OkxTestRig.Envelope("""[{"lever":"5","mgnMode":"isolated","instId":"BTC-USDT","posSide":""}]""")));

        await rig.Client.SetLeverageAsync("BTC-USDT", 5, TestContext.Current.CancellationToken);

        var post = Assert.Single(rig.Server.To("POST /api/v5/account/set-leverage"));
        Assert.Equal("""{"instId":"BTC-USDT","lever":"5","mgnMode":"isolated"}""", post.Body);
        Assert.Equal("eCnnCgWLjlQ9XnpUkrcny3qNq3WW/81KNrDr/XR6Xv8=", post.Headers["OK-ACCESS-SIGN"]);
        Assert.Equal("2020-12-08T09:08:57.715Z", post.Headers["OK-ACCESS-TIMESTAMP"]);
        Assert.Equal(OkxTestRig.ApiKey, post.Headers["OK-ACCESS-KEY"]);
        Assert.Equal(OkxTestRig.Passphrase, post.Headers["OK-ACCESS-PASSPHRASE"]);
        Assert.False(post.Headers.ContainsKey("x-simulated-trading"));
    }

    [Fact]
    public async Task Demo_trading_marks_every_request_and_signs_gets_over_path_and_query()
    {
        using var rig = new OkxTestRig(demoTrading: true);
        rig.Server.ServerTimeMs = OkxTestRig.LocalStart.ToUnixTimeMilliseconds() + 1000;
        // https://www.okx.com/docs-v5/en/#trading-account-rest-api-get-balance (fields trimmed)
        rig.Server.On("GET /api/v5/account/balance", Ok(OkxTestRig.Envelope("""
            [{"adjEq":"","imr":"","isoEq":"0","mgnRatio":"","mmr":"","notionalUsd":"","ordFroz":"","totalEq":"1000",
              "uTime":"1705474164160","details":[
                {"availBal":"650","availEq":"650","cashBal":"1000","ccy":"USDT","crossLiab":"","disEq":"1000","eq":"1000",
                 "eqUsd":"1000","frozenBal":"350","interest":"","isoEq":"0","isoLiab":"","liab":"","maxLoan":"","mgnRatio":"",
                 "notionalLever":"0","ordFrozen":"100","twap":"0","uTime":"1705449605015","upl":"0","uplLiab":""},
                {"availBal":"0","availEq":"0","cashBal":"0","ccy":"BTC","eq":"0","frozenBal":"0","upl":"0"}]}]
            """)));

        var balances = await rig.Client.GetBalancesAsync(TradingAccount.Futures, TestContext.Current.CancellationToken);

        Assert.Equal([new AssetBalance(TradingAccount.Futures, "USDT", 1000m, 650m)], balances);
        Assert.All(rig.Server.Requests, r => Assert.Equal("1", r.Headers["x-simulated-trading"]));
        var get = rig.Server.To("GET /api/v5/account/balance")[0];
        Assert.Equal("2020-12-08T09:08:58.715Z", get.Headers["OK-ACCESS-TIMESTAMP"]);
        Assert.Equal(
            OkxSigner.Sign(OkxTestRig.Secret, "2020-12-08T09:08:58.715Z", HttpMethod.Get, "/api/v5/account/balance"),
            get.Headers["OK-ACCESS-SIGN"]);
    }

    [Fact]
    public async Task A_placed_order_is_sized_in_contracts_and_read_back_in_base_quantity()
    {
        using var rig = new OkxTestRig();
        rig.Server.On("GET /api/v5/public/instruments", Ok(OkxTestRig.Instrument("BTC-USDT-SWAP", "0.01")));
        // https://www.okx.com/docs-v5/en/#order-book-trading-trade-post-place-order
        rig.Server.On("POST /api/v5/trade/order", Ok($$"""
            {"code":"0","msg":"","data":[{"clOrdId":"{{ClientOrderId}}","ordId":"680800019749904384","tag":"","ts":"1607418537715","sCode":"0","sMsg":"Order placed"}],"inTime":"1695190491421339","outTime":"1695190491423240"}
            """));
        rig.Server.On("GET /api/v5/trade/order", Ok(OkxTestRig.Order(ClientOrderId)));

        var order = await rig.Client.PlaceOrderAsync(LimitBuy(), TestContext.Current.CancellationToken);

        // 0.05 BTC at 0.01 BTC a contract: 5 contracts.
        Assert.Equal(
            $$"""{"instId":"BTC-USDT-SWAP","tdMode":"cross","clOrdId":"{{ClientOrderId}}","side":"buy","ordType":"limit","sz":"5","px":"9000"}""",
            Assert.Single(rig.Server.To("POST /api/v5/trade/order")).Body);
        Assert.Equal(new OrderState(
            TradingAccount.Futures, "BTC-USDT-SWAP", ClientOrderId, "680800019749904384", OrderSide.Buy, OrderType.Limit, OrderStatus.New,
            0.05m, 0m, 9000m, null), order);
        Assert.Single(rig.Server.To("GET /api/v5/public/instruments"));
    }

    [Fact]
    public async Task A_quantity_that_is_not_whole_contracts_is_refused_before_any_order_is_sent()
    {
        using var rig = new OkxTestRig();
        rig.Server.On("GET /api/v5/public/instruments", Ok(OkxTestRig.Instrument("BTC-USDT-SWAP", "0.01")));

        await Assert.ThrowsAsync<ArgumentException>(() => rig.Client.PlaceOrderAsync(LimitBuy(0.055m), TestContext.Current.CancellationToken));

        Assert.Empty(rig.Server.To("POST /api/v5/trade/order"));
    }

    [Fact]
    public async Task A_refused_order_reports_the_items_s_code()
    {
        using var rig = new OkxTestRig();
        rig.Server.On("GET /api/v5/public/instruments", Ok(OkxTestRig.Instrument("BTC-USDT-SWAP", "0.01")));
        rig.Server.On("POST /api/v5/trade/order", Ok($$"""
            {"code":"1","msg":"All operations failed","data":[{"clOrdId":"{{ClientOrderId}}","ordId":"","tag":"","sCode":"51008","sMsg":"Order failed. Insufficient USDT margin in account"}]}
            """));

        var error = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.PlaceOrderAsync(LimitBuy(), TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.InsufficientBalanceOrMargin, error.Kind);
        Assert.Equal("51008", error.VenueCode);
        Assert.Equal("Order failed. Insufficient USDT margin in account", error.VenueMessage);
        Assert.Single(rig.Server.To("POST /api/v5/trade/order"));
    }

    [Fact]
    public async Task An_order_whose_post_timed_out_and_landed_is_not_sent_again()
    {
        using var rig = new OkxTestRig();
        rig.Server.On("GET /api/v5/public/instruments", Ok(OkxTestRig.Instrument("BTC-USDT-SWAP", "0.01")));
        rig.Server.On("POST /api/v5/trade/order", TimesOut());
        rig.Server.On("GET /api/v5/trade/order", Ok(OkxTestRig.Order(ClientOrderId, "filled", "5", "8999.5")));

        var order = await rig.Client.PlaceOrderAsync(LimitBuy(), TestContext.Current.CancellationToken);

        Assert.Single(rig.Server.To("POST /api/v5/trade/order"));
        Assert.Equal(ClientOrderId, rig.Server.To("GET /api/v5/trade/order")[0].Parameter("clOrdId"));
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(0.05m, order.FilledQuantity);
    }

    [Fact]
    public async Task An_order_that_did_not_land_is_sent_again_with_the_same_client_order_id()
    {
        using var rig = new OkxTestRig();
        rig.Server.On("GET /api/v5/public/instruments", Ok(OkxTestRig.Instrument("BTC-USDT-SWAP", "0.01")));
        rig.Server.On(
            "POST /api/v5/trade/order",
            ConnectionReset(),
            Ok($$"""{"code":"0","msg":"","data":[{"clOrdId":"{{ClientOrderId}}","ordId":"680800019749904384","tag":"","sCode":"0","sMsg":""}]}"""));
        rig.Server.On("GET /api/v5/trade/order", Ok(OkxTestRig.OrderNotFound), Ok(OkxTestRig.Order(ClientOrderId)));

        await rig.Client.PlaceOrderAsync(LimitBuy(), TestContext.Current.CancellationToken);

        var posts = rig.Server.To("POST /api/v5/trade/order");
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Body, posts[1].Body);
    }

    [Fact]
    public async Task Positions_are_converted_from_contracts_to_signed_base_quantity()
    {
        using var rig = new OkxTestRig();
        rig.Server.On("GET /api/v5/public/instruments", Ok(OkxTestRig.Instrument("ETH-USDT-SWAP", "0.1")));
        // https://www.okx.com/docs-v5/en/#trading-account-rest-api-get-positions (fields trimmed, values adapted)
        rig.Server.On("GET /api/v5/account/positions", Ok(OkxTestRig.Envelope("""
            [{"adl":"1","availPos":"","avgPx":"3012.5","cTime":"1619507758793","ccy":"USDT","deltaBS":"","deltaPA":"","gammaBS":"",
              "gammaPA":"","imr":"","instId":"ETH-USDT-SWAP","instType":"SWAP","interest":"","idxPx":"3001","last":"3000",
              "lever":"3","liab":"","liabCcy":"","liqPx":"","markPx":"3000","margin":"","mgnMode":"cross","mgnRatio":"",
              "mmr":"","notionalUsd":"900","optVal":"","pos":"-3","posCcy":"","posId":"307173036051017730","posSide":"net",
              "thetaBS":"","thetaPA":"","tradeId":"109844","uTime":"1619507761462","upl":"3.75","uplRatio":"","vegaBS":"","vegaPA":""}]
            """)));

        var positions = await rig.Client.GetPositionsAsync(TestContext.Current.CancellationToken);

        // -3 contracts of 0.1 ETH: short 0.3 ETH.
        Assert.Equal([new PerpPosition("ETH-USDT-SWAP", -0.3m, 3012.5m, 3000m, 3.75m, 3m, MarginMode.Cross, null)], positions);
    }

    [Fact]
    public async Task A_timestamp_rejection_resyncs_the_clock_and_sends_once_more()
    {
        using var rig = new OkxTestRig();
        rig.Server.On(
            "GET /api/v5/account/positions",
            Respond(HttpStatusCode.Unauthorized, """{"code":"50102","msg":"Timestamp request expired","data":[]}"""),
            Ok(OkxTestRig.Envelope("[]")));

        await rig.Client.GetPositionsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            ["GET /api/v5/public/time", "GET /api/v5/account/positions", "GET /api/v5/public/time", "GET /api/v5/account/positions"],
            rig.Server.Requests.Select(r => r.MethodAndPath));
    }

    [Fact]
    public async Task Mark_price_index_and_funding_come_from_the_public_endpoints()
    {
        using var rig = new OkxTestRig();
        // https://www.okx.com/docs-v5/en/#public-data-rest-api-get-mark-price, #public-data-rest-api-get-index-tickers,
        // #public-data-rest-api-get-funding-rate (fields trimmed)
        rig.Server.On("GET /api/v5/public/mark-price", Ok(OkxTestRig.Envelope("""[{"instType":"SWAP","instId":"BTC-USDT-SWAP","markPx":"200","ts":"1597026383085"}]""")));
        rig.Server.On("GET /api/v5/market/index-tickers", Ok(OkxTestRig.Envelope("""[{"instId":"BTC-USDT","idxPx":"199.5","high24h":"","sodUtc0":"","open24h":"","low24h":"","sodUtc8":"","ts":"1597026383085"}]""")));
        rig.Server.On("GET /api/v5/public/funding-rate", Ok(OkxTestRig.Envelope("""
            [{"fundingRate":"0.0000792386885340","fundingTime":"1703088000000","instId":"BTC-USDT-SWAP","instType":"SWAP",
              "method":"next_period","maxFundingRate":"0.00375","minFundingRate":"-0.00375","nextFundingRate":"0.0002061194322149",
              "nextFundingTime":"1703116800000","settFundingRate":"0.0001418433662153","settState":"settled","ts":"1703070685309"}]
            """)));

        var mark = await rig.Client.GetMarkPriceAsync("BTC-USDT-SWAP", TestContext.Current.CancellationToken);
        var funding = await rig.Client.GetFundingRateAsync("BTC-USDT-SWAP", TestContext.Current.CancellationToken);

        Assert.Equal(new MarkPriceSnapshot("BTC-USDT-SWAP", 200m, 199.5m, DateTimeOffset.FromUnixTimeMilliseconds(1597026383085)), mark);
        Assert.Equal("BTC-USDT", rig.Server.To("GET /api/v5/market/index-tickers")[0].Parameter("instId"));
        Assert.Equal(new FundingRateSnapshot("BTC-USDT-SWAP", 0.0000792386885340m, DateTimeOffset.FromUnixTimeMilliseconds(1703088000000)), funding);
    }

    [Fact]
    public async Task Operations_not_implemented_for_okx_say_so_without_a_request()
    {
        using var rig = new OkxTestRig();
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<NotSupportedException>(() => rig.Client.SetMarginModeAsync("BTC-USDT-SWAP", MarginMode.Isolated, ct));
        Assert.Empty(rig.Server.Requests);
    }

    [Theory]
    [InlineData("50102", ExchangeErrorKind.TimestampOutsideRecvWindow)]
    [InlineData("50111", ExchangeErrorKind.Authentication)]
    [InlineData("50113", ExchangeErrorKind.Authentication)]
    [InlineData("50105", ExchangeErrorKind.Authentication)]
    [InlineData("50110", ExchangeErrorKind.Permission)]
    [InlineData("50011", ExchangeErrorKind.RateLimited)]
    [InlineData("50001", ExchangeErrorKind.ExchangeUnavailable)]
    [InlineData("51603", ExchangeErrorKind.UnknownOrder)]
    [InlineData("51008", ExchangeErrorKind.InsufficientBalanceOrMargin)]
    [InlineData("51016", ExchangeErrorKind.DuplicateClientOrderId)]
    [InlineData("51000", ExchangeErrorKind.InvalidRequest)]
    [InlineData("58350", ExchangeErrorKind.InsufficientBalanceOrMargin)]
    [InlineData("58229", ExchangeErrorKind.InsufficientBalanceOrMargin)]
    [InlineData("58102", ExchangeErrorKind.RateLimited)]
    [InlineData("58207", ExchangeErrorKind.Permission)]
    [InlineData("58203", ExchangeErrorKind.InvalidRequest)]
    public void Codes_map_to_kinds(string code, ExchangeErrorKind expected) =>
        Assert.Equal(expected, OkxErrors.KindOf(code));
}
