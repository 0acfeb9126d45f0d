using System.Net;
using System.Security.Cryptography;
using System.Text;
using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Bybit;
using static Basis.Venues.Tests.Exchanges.ScriptedExchange;

namespace Basis.Venues.Tests.Exchanges.Bybit;

public sealed class BybitExchangeClientTests
{
    private static readonly string ClientOrderId = ClientOrderIds.Derive("test-run/2022-07-21T06:00Z/short-perp");

    private static string Hmac(string payload) => Convert.ToHexStringLower(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(BybitTestRig.Secret), Encoding.UTF8.GetBytes(payload)));

    private static OrderRequest LimitBuy() =>
        OrderRequest.Limit(TradingAccount.Futures, "ETHUSDT", OrderSide.Buy, 0.1m, 1600m, ClientOrderId);

    [Fact]
    public async Task A_signed_get_carries_the_x_bapi_headers_over_its_query_at_server_time()
    {
        using var rig = new BybitTestRig();
        rig.Server.ServerTimeMs = BybitTestRig.LocalStart.ToUnixTimeMilliseconds() + 2000;
        // https://bybit-exchange.github.io/docs/v5/position (response example, a linear position)
        rig.Server.On("GET /v5/position/list", Ok(BybitTestRig.Envelope("""
            {
              "list": [
                {
                  "positionIdx": 0, "riskId": 1, "riskLimitValue": "150", "symbol": "ETHUSDT", "side": "Sell", "size": "2.5",
                  "avgPrice": "3012.5", "positionValue": "7531.25", "tradeMode": 0, "positionStatus": "Normal", "autoAddMargin": 1,
                  "adlRankIndicator": 2, "leverage": "10", "positionBalance": "753.1", "markPrice": "3000.00", "liqPrice": "",
                  "bustPrice": "999999.00", "positionMM": "37.6", "positionIM": "753.1", "tpslMode": "Full", "takeProfit": "0.00",
                  "stopLoss": "0.00", "trailingStop": "0", "unrealisedPnl": "31.25", "curRealisedPnl": "-1.2",
                  "cumRealisedPnl": "-1.2", "seq": 5723621632, "isReduceOnly": false, "mmrSysUpdateTime": "",
                  "leverageSysUpdatedTime": "", "sessionAvgPrice": "", "createdTime": "1676538056258", "updatedTime": "1697673600012"
                },
                {
                  "positionIdx": 0, "riskId": 1, "riskLimitValue": "150", "symbol": "BTCUSDT", "side": "", "size": "0",
                  "avgPrice": "0", "positionValue": "0", "tradeMode": 1, "positionStatus": "Normal", "autoAddMargin": 0,
                  "adlRankIndicator": 0, "leverage": "5", "positionBalance": "0", "markPrice": "22000.00", "liqPrice": "",
                  "bustPrice": "", "positionMM": "0", "positionIM": "0", "tpslMode": "Full", "takeProfit": "0.00",
                  "stopLoss": "0.00", "trailingStop": "0", "unrealisedPnl": "0", "curRealisedPnl": "0",
                  "cumRealisedPnl": "0", "seq": 1, "isReduceOnly": false, "mmrSysUpdateTime": "",
                  "leverageSysUpdatedTime": "", "sessionAvgPrice": "", "createdTime": "1676538056258", "updatedTime": "1697673600012"
                }
              ],
              "nextPageCursor": "", "category": "linear"
            }
            """)));

        var positions = await rig.Client.GetPositionsAsync(TestContext.Current.CancellationToken);

        var request = Assert.Single(rig.Server.To("GET /v5/position/list"));
        Assert.Equal("https://bybit.test/v5/position/list?category=linear&settleCoin=USDT", request.Uri.AbsoluteUri);
        Assert.Equal(BybitTestRig.ApiKey, request.Headers["X-BAPI-API-KEY"]);
        Assert.Equal("1658384316791", request.Headers["X-BAPI-TIMESTAMP"]);
        Assert.Equal("5000", request.Headers["X-BAPI-RECV-WINDOW"]);
        Assert.Equal(Hmac("1658384316791XXXXXXXXXX5000category=linear&settleCoin=USDT"), request.Headers["X-BAPI-SIGN"]);
        Assert.Equal([new PerpPosition("ETHUSDT", -2.5m, 3012.5m, 3000m, 31.25m, 10m, MarginMode.Cross, null)], positions);
    }

    [Fact]
    public async Task A_placed_order_signs_its_raw_json_body_and_is_read_back_by_order_link_id()
    {
        using var rig = new BybitTestRig();
        // https://bybit-exchange.github.io/docs/v5/order/create-order
        rig.Server.On("POST /v5/order/create", Ok(BybitTestRig.Envelope($$"""{"orderId":"fd4300ae-7847-404e-b947-b46980a4d140","orderLinkId":"{{ClientOrderId}}"}""")));
        rig.Server.On("GET /v5/order/realtime", Ok(BybitTestRig.Orders(ClientOrderId)));

        var order = await rig.Client.PlaceOrderAsync(LimitBuy(), TestContext.Current.CancellationToken);

        var post = Assert.Single(rig.Server.To("POST /v5/order/create"));
        var expectedBody =
            $$"""{"category":"linear","symbol":"ETHUSDT","side":"Buy","orderType":"Limit","qty":"0.1","price":"1600","timeInForce":"GTC","orderLinkId":"{{ClientOrderId}}"}""";
        Assert.Equal(expectedBody, post.Body);
        Assert.Equal("application/json", post.ContentType);
        Assert.Equal(Hmac("1658384314791XXXXXXXXXX5000" + expectedBody), post.Headers["X-BAPI-SIGN"]);
        Assert.Equal(ClientOrderId, rig.Server.To("GET /v5/order/realtime")[0].Parameter("orderLinkId"));
        Assert.Equal(new OrderState(
            TradingAccount.Futures, "ETHUSDT", ClientOrderId, "fd4300ae-7847-404e-b947-b46980a4d140", OrderSide.Buy, OrderType.Limit,
            OrderStatus.New, 0.1m, 0m, 1600m, null), order);
    }

    [Fact]
    public async Task An_order_whose_post_timed_out_and_landed_is_not_sent_again()
    {
        using var rig = new BybitTestRig();
        rig.Server.On("POST /v5/order/create", TimesOut());
        rig.Server.On("GET /v5/order/realtime", Ok(BybitTestRig.NoOrders()));
        rig.Server.On("GET /v5/order/history", Ok(BybitTestRig.Orders(ClientOrderId, "Filled", "0.10", "1599.5")));

        var order = await rig.Client.PlaceOrderAsync(LimitBuy(), TestContext.Current.CancellationToken);

        Assert.Single(rig.Server.To("POST /v5/order/create"));
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(1599.5m, order.AverageFillPrice);
    }

    [Fact]
    public async Task An_order_that_did_not_land_is_sent_again_with_the_same_order_link_id()
    {
        using var rig = new BybitTestRig();
        rig.Server.On(
            "POST /v5/order/create",
            Respond(HttpStatusCode.BadGateway, "<html>502</html>"),
            Ok(BybitTestRig.Envelope($$"""{"orderId":"fd4300ae-7847-404e-b947-b46980a4d140","orderLinkId":"{{ClientOrderId}}"}""")));
        rig.Server.On("GET /v5/order/realtime", Ok(BybitTestRig.NoOrders()), Ok(BybitTestRig.Orders(ClientOrderId)));
        rig.Server.On("GET /v5/order/history", Ok(BybitTestRig.NoOrders()));

        var order = await rig.Client.PlaceOrderAsync(LimitBuy(), TestContext.Current.CancellationToken);

        var posts = rig.Server.To("POST /v5/order/create");
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].Body, posts[1].Body);
        Assert.Equal(OrderStatus.New, order.Status);
    }

    [Fact]
    public async Task A_ret_code_error_is_typed_with_bybits_code_and_message_and_not_retried()
    {
        using var rig = new BybitTestRig();
        rig.Server.On("POST /v5/order/create", Ok(BybitTestRig.Error(110007, "ab not enough for new order")));

        var error = await Assert.ThrowsAsync<ExchangeException>(
            () => rig.Client.PlaceOrderAsync(LimitBuy(), TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.InsufficientBalanceOrMargin, error.Kind);
        Assert.Equal("110007", error.VenueCode);
        Assert.Equal("ab not enough for new order", error.VenueMessage);
        Assert.Single(rig.Server.To("POST /v5/order/create"));
    }

    [Fact]
    public async Task A_timestamp_rejection_resyncs_the_clock_and_sends_once_more()
    {
        using var rig = new BybitTestRig();
        rig.Server.On(
            "GET /v5/account/wallet-balance",
            Ok(BybitTestRig.Error(10002, "invalid request, please check your server timestamp or recv_window param")),
            // https://bybit-exchange.github.io/docs/v5/account/wallet-balance (response example, one coin)
            Ok(BybitTestRig.Envelope("""
                {
                  "list": [
                    {
                      "totalEquity": "3.31216591", "accountIMRate": "0", "totalMarginBalance": "3.00326056",
                      "totalInitialMargin": "0", "accountType": "UNIFIED", "totalAvailableBalance": "3.00326056",
                      "accountMMRate": "0", "totalPerpUPL": "0", "totalWalletBalance": "3.00326056",
                      "accountLTV": "0", "totalMaintenanceMargin": "0",
                      "coin": [
                        {
                          "availableToBorrow": "3", "bonus": "0", "accruedInterest": "0", "availableToWithdraw": "",
                          "totalOrderIM": "100", "equity": "1000", "totalPositionMM": "5", "usdValue": "1000",
                          "unrealisedPnl": "0", "collateralSwitch": true, "spotHedgingQty": "0", "borrowAmount": "0.0",
                          "totalPositionIM": "250", "walletBalance": "1000", "cumRealisedPnl": "0", "locked": "0",
                          "marginCollateral": true, "coin": "USDT"
                        }
                      ]
                    }
                  ]
                }
                """)));

        var balances = await rig.Client.GetBalancesAsync(TradingAccount.Futures, TestContext.Current.CancellationToken);

        Assert.Equal(
            ["GET /v5/market/time", "GET /v5/account/wallet-balance", "GET /v5/market/time", "GET /v5/account/wallet-balance"],
            rig.Server.Requests.Select(r => r.MethodAndPath));
        // 1000 in the wallet, 250 initial margin of positions, 100 of orders: 650 free.
        Assert.Equal([new AssetBalance(TradingAccount.Futures, "USDT", 1000m, 650m)], balances);
    }

    [Fact]
    public async Task Leverage_already_set_counts_as_success()
    {
        using var rig = new BybitTestRig();
        rig.Server.On("POST /v5/position/set-leverage", Ok(BybitTestRig.Error(110043, "Set leverage not modified")));

        await rig.Client.SetLeverageAsync("ETHUSDT", 3, TestContext.Current.CancellationToken);

        Assert.Equal(
            """{"category":"linear","symbol":"ETHUSDT","buyLeverage":"3","sellLeverage":"3"}""",
            Assert.Single(rig.Server.To("POST /v5/position/set-leverage")).Body);
    }

    [Fact]
    public async Task Mark_price_and_funding_come_from_the_linear_ticker()
    {
        using var rig = new BybitTestRig();
        // https://bybit-exchange.github.io/docs/v5/market/tickers (linear response example)
        var ticker = Ok(BybitTestRig.Envelope("""
            {
              "category": "linear",
              "list": [
                {
                  "symbol": "BTCUSDT", "lastPrice": "16597.00", "indexPrice": "16598.54", "markPrice": "16596.00",
                  "prevPrice24h": "16464.50", "price24hPcnt": "0.008047", "highPrice24h": "30912.50", "lowPrice24h": "15700.00",
                  "prevPrice1h": "16595.50", "openInterest": "373504107", "openInterestValue": "22505.67", "turnover24h": "2352.94950046",
                  "volume24h": "49337318", "fundingRate": "-0.001034", "nextFundingTime": "1672387200000", "predictedDeliveryPrice": "",
                  "basisRate": "", "deliveryFeeRate": "", "deliveryTime": "0", "ask1Size": "1", "bid1Price": "16596.00",
                  "ask1Price": "16597.50", "bid1Size": "1", "basis": ""
                }
              ]
            }
            """));
        rig.Server.On("GET /v5/market/tickers", ticker, ticker);

        var mark = await rig.Client.GetMarkPriceAsync("BTCUSDT", TestContext.Current.CancellationToken);
        var funding = await rig.Client.GetFundingRateAsync("BTCUSDT", TestContext.Current.CancellationToken);

        Assert.Equal(16596m, mark.MarkPrice);
        Assert.Equal(16598.54m, mark.IndexPrice);
        Assert.Equal(new FundingRateSnapshot("BTCUSDT", -0.001034m, DateTimeOffset.FromUnixTimeMilliseconds(1672387200000)), funding);
        Assert.False(rig.Server.To("GET /v5/market/tickers")[0].Headers.ContainsKey("X-BAPI-SIGN"));
    }

    [Fact]
    public async Task A_nearly_used_limit_holds_the_next_request_until_bybits_reset_time()
    {
        using var rig = new BybitTestRig();
        var resetAt = BybitTestRig.LocalStart.ToUnixTimeMilliseconds() + 800;
        rig.Server.On(
            "GET /v5/order/realtime",
            Ok(BybitTestRig.Orders(ClientOrderId), ("X-Bapi-Limit", "10"), ("X-Bapi-Limit-Status", "1"),
                ("X-Bapi-Limit-Reset-Timestamp", resetAt.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Ok(BybitTestRig.Orders(ClientOrderId)));

        await rig.Client.GetOrderAsync(TradingAccount.Futures, "ETHUSDT", ClientOrderId, TestContext.Current.CancellationToken);
        await rig.Client.GetOrderAsync(TradingAccount.Futures, "ETHUSDT", ClientOrderId, TestContext.Current.CancellationToken);

        Assert.Equal([TimeSpan.FromMilliseconds(800)], rig.Clock.Waits);
    }

    [Fact]
    public async Task Operations_not_implemented_for_bybit_say_so_without_a_request()
    {
        using var rig = new BybitTestRig();
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<NotSupportedException>(() => rig.Client.SetMarginModeAsync("BTCUSDT", MarginMode.Isolated, ct));
        Assert.Empty(rig.Server.Requests);
    }

    [Theory]
    [InlineData(10002, ExchangeErrorKind.TimestampOutsideRecvWindow)]
    [InlineData(10003, ExchangeErrorKind.Authentication)]
    [InlineData(10004, ExchangeErrorKind.Authentication)]
    [InlineData(10005, ExchangeErrorKind.Permission)]
    [InlineData(10006, ExchangeErrorKind.RateLimited)]
    [InlineData(10016, ExchangeErrorKind.ExchangeUnavailable)]
    [InlineData(10001, ExchangeErrorKind.InvalidRequest)]
    [InlineData(110001, ExchangeErrorKind.UnknownOrder)]
    [InlineData(110004, ExchangeErrorKind.InsufficientBalanceOrMargin)]
    [InlineData(110007, ExchangeErrorKind.InsufficientBalanceOrMargin)]
    [InlineData(110072, ExchangeErrorKind.DuplicateClientOrderId)]
    [InlineData(110043, ExchangeErrorKind.InvalidRequest)]
    [InlineData(131212, ExchangeErrorKind.InsufficientBalanceOrMargin)]
    [InlineData(131001, ExchangeErrorKind.InsufficientBalanceOrMargin)]
    [InlineData(131085, ExchangeErrorKind.InsufficientBalanceOrMargin)]
    [InlineData(131093, ExchangeErrorKind.Permission)]
    [InlineData(131211, ExchangeErrorKind.InvalidRequest)]
    public void Ret_codes_map_to_kinds(int retCode, ExchangeErrorKind expected) =>
        Assert.Equal(expected, BybitErrors.KindOf(retCode));

    [Fact]
    public void Http_403_is_bybits_ip_ban() =>
        Assert.Equal(ExchangeErrorKind.IpBanned, BybitErrors.FromHttpStatus(403, "Forbidden").Kind);
}
