using System.Net;
using System.Security.Cryptography;
using System.Text;
using Basis.Venues.Exchanges;
using static Basis.Venues.Tests.Exchanges.ScriptedExchange;

namespace Basis.Venues.Tests.Exchanges.Binance;

public sealed class BinanceOrderPlacementTests
{
    private static readonly string ClientOrderId = ClientOrderIds.Derive("test-run/2020-06-09T11:00Z/long-perp");

    private static OrderRequest LimitBuy() =>
        OrderRequest.Limit(TradingAccount.Futures, "BTCUSDT", OrderSide.Buy, 1m, 9000m, ClientOrderId);

    [Fact]
    public async Task A_placed_order_is_a_form_body_signed_with_the_futures_secret()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On("POST /fapi/v1/order", Ok(BinanceResponsesFromDocs.FuturesOrder(ClientOrderId)));

        var order = await rig.Client.PlaceOrderAsync(LimitBuy(), TestContext.Current.CancellationToken);

        var post = Assert.Single(rig.Server.To("POST /fapi/v1/order"));
        Assert.Equal("https://fapi.test/fapi/v1/order", post.Uri.AbsoluteUri);
        Assert.Equal("application/x-www-form-urlencoded", post.ContentType);
        Assert.Equal(BinanceTestRig.FuturesKey, post.Headers["X-MBX-APIKEY"]);
        const string signedPart = "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=9000";
        var expectedUnsigned = $"{signedPart}&newClientOrderId={ClientOrderId}&newOrderRespType=RESULT&recvWindow=5000&timestamp=1591702613943";
        var expectedSignature = Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(BinanceTestRig.FuturesSecret), Encoding.UTF8.GetBytes(expectedUnsigned)));
        Assert.Equal($"{expectedUnsigned}&signature={expectedSignature}", post.Body);
        Assert.Equal(new OrderState(
            TradingAccount.Futures, "BTCUSDT", ClientOrderId, "22542179", OrderSide.Buy, OrderType.Limit, OrderStatus.New,
            1m, 0m, 9000m, null), order);
    }

    [Fact]
    public async Task An_order_whose_post_timed_out_and_landed_is_returned_without_sending_it_again()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On("POST /fapi/v1/order", TimesOut());
        rig.Server.On("GET /fapi/v1/order", Ok(BinanceResponsesFromDocs.FuturesOrder(ClientOrderId, "FILLED", "1", "8999.5")));

        var order = await rig.Client.PlaceOrderAsync(LimitBuy(), TestContext.Current.CancellationToken);

        Assert.Single(rig.Server.To("POST /fapi/v1/order"));
        var lookup = Assert.Single(rig.Server.To("GET /fapi/v1/order"));
        Assert.Equal(ClientOrderId, lookup.Parameter("origClientOrderId"));
        Assert.Equal("BTCUSDT", lookup.Parameter("symbol"));
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(8999.5m, order.AverageFillPrice);
    }

    [Fact]
    public async Task An_order_whose_post_failed_and_did_not_land_is_sent_again_with_the_same_client_order_id()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On("POST /fapi/v1/order", ConnectionReset(), Ok(BinanceResponsesFromDocs.FuturesOrder(ClientOrderId)));
        rig.Server.On("GET /fapi/v1/order", Respond(HttpStatusCode.BadRequest, BinanceResponsesFromDocs.Error(-2013, "Order does not exist.")));

        var order = await rig.Client.PlaceOrderAsync(LimitBuy(), TestContext.Current.CancellationToken);

        var posts = rig.Server.To("POST /fapi/v1/order");
        Assert.Equal(2, posts.Count);
        Assert.All(posts, p => Assert.Equal(ClientOrderId, p.Parameter("newClientOrderId")));
        Assert.Single(rig.Server.To("GET /fapi/v1/order"));
        Assert.Equal(OrderStatus.New, order.Status);
    }

    [Fact]
    public async Task A_re_send_refused_as_duplicate_returns_the_order_that_landed_late()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On(
            "POST /fapi/v1/order",
            TimesOut(),
            Respond(HttpStatusCode.BadRequest, BinanceResponsesFromDocs.Error(-4116, "ClientOrderId is duplicated.")));
        rig.Server.On(
            "GET /fapi/v1/order",
            Respond(HttpStatusCode.BadRequest, BinanceResponsesFromDocs.Error(-2013, "Order does not exist.")),
            Ok(BinanceResponsesFromDocs.FuturesOrder(ClientOrderId)));

        var order = await rig.Client.PlaceOrderAsync(LimitBuy(), TestContext.Current.CancellationToken);

        Assert.Equal(2, rig.Server.To("POST /fapi/v1/order").Count);
        Assert.Equal(ClientOrderId, order.ClientOrderId);
    }

    [Fact]
    public async Task An_order_rejected_for_margin_is_a_typed_error_and_not_retried()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On("POST /fapi/v1/order", Respond(HttpStatusCode.BadRequest, BinanceResponsesFromDocs.Error(-2019, "Margin is insufficient.")));

        var error = await Assert.ThrowsAsync<ExchangeException>(
            () => rig.Client.PlaceOrderAsync(LimitBuy(), TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.InsufficientBalanceOrMargin, error.Kind);
        Assert.Equal("-2019", error.VenueCode);
        Assert.Equal("Margin is insufficient.", error.VenueMessage);
        Assert.Single(rig.Server.To("POST /fapi/v1/order"));
        Assert.Empty(rig.Server.To("GET /fapi/v1/order"));
    }

    [Fact]
    public async Task A_spot_market_order_goes_to_the_spot_api_with_the_spot_key()
    {
        using var rig = new BinanceTestRig();
        // https://developers.binance.com/docs/binance-spot-api-docs/rest-api/trading-endpoints (RESULT response)
        rig.Server.On("POST /api/v3/order", Ok($$"""
            {
              "symbol": "ETHUSDT", "orderId": 28, "orderListId": -1, "clientOrderId": "{{ClientOrderId}}",
              "transactTime": 1507725176595, "price": "0.00000000", "origQty": "2.00000000", "executedQty": "2.00000000",
              "origQuoteOrderQty": "0.000000", "cummulativeQuoteQty": "6001.00000000", "status": "FILLED",
              "timeInForce": "GTC", "type": "MARKET", "side": "SELL", "workingTime": 1507725176595,
              "selfTradePreventionMode": "NONE"
            }
            """));

        var order = await rig.Client.PlaceOrderAsync(
            OrderRequest.Market(TradingAccount.Spot, "ETHUSDT", OrderSide.Sell, 2m, ClientOrderId), TestContext.Current.CancellationToken);

        var post = Assert.Single(rig.Server.To("POST /api/v3/order"));
        Assert.Equal("https://api.test/api/v3/order", post.Uri.AbsoluteUri);
        Assert.Equal(BinanceTestRig.SpotKey, post.Headers["X-MBX-APIKEY"]);
        Assert.StartsWith($"symbol=ETHUSDT&side=SELL&type=MARKET&quantity=2&newClientOrderId={ClientOrderId}&", post.Body, StringComparison.Ordinal);
        Assert.Null(post.Parameter("timeInForce"));
        // 6001 USDT for 2 ETH: average 3000.5.
        Assert.Equal(3000.5m, order.AverageFillPrice);
        Assert.Null(order.LimitPrice);
    }

    [Fact]
    public async Task A_cancel_whose_answer_was_lost_finds_the_order_canceled()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On(
            "DELETE /fapi/v1/order",
            TimesOut(),
            Respond(HttpStatusCode.BadRequest, BinanceResponsesFromDocs.Error(-2011, "Unknown order sent.")));
        rig.Server.On("GET /fapi/v1/order", Ok(BinanceResponsesFromDocs.FuturesOrder(ClientOrderId, "CANCELED")));

        var order = await rig.Client.CancelOrderAsync(TradingAccount.Futures, "BTCUSDT", ClientOrderId, TestContext.Current.CancellationToken);

        Assert.Equal(OrderStatus.Canceled, order.Status);
        Assert.Equal(2, rig.Server.To("DELETE /fapi/v1/order").Count);
        Assert.All(rig.Server.To("DELETE /fapi/v1/order"), d => Assert.Equal(ClientOrderId, d.Parameter("origClientOrderId")));
    }

    [Fact]
    public async Task An_order_whose_outcome_stays_unknown_is_reported_after_the_last_lookup_never_sent_blindly()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On("POST /fapi/v1/order", TimesOut(), TimesOut(), TimesOut(), TimesOut());
        var unknown = Respond(HttpStatusCode.BadRequest, BinanceResponsesFromDocs.Error(-2013, "Order does not exist."));
        rig.Server.On("GET /fapi/v1/order", unknown, unknown, unknown);

        var error = await Assert.ThrowsAsync<ExchangeException>(
            () => rig.Client.PlaceOrderAsync(LimitBuy(), TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.ExchangeUnavailable, error.Kind);
        // One send, then three rounds of back-off, lookup and re-send; every send with the same id.
        var posts = rig.Server.To("POST /fapi/v1/order");
        Assert.Equal(4, posts.Count);
        Assert.All(posts, p => Assert.Equal(ClientOrderId, p.Parameter("newClientOrderId")));
        Assert.Equal(3, rig.Server.To("GET /fapi/v1/order").Count);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], rig.Clock.Waits);
    }

    [Fact]
    public async Task A_spot_order_refused_for_balance_is_typed_from_its_message()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On(
            "POST /api/v3/order",
            Respond(HttpStatusCode.BadRequest, BinanceResponsesFromDocs.Error(-2010, "Account has insufficient balance for requested action.")));

        var error = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.PlaceOrderAsync(
            OrderRequest.Market(TradingAccount.Spot, "ETHUSDT", OrderSide.Buy, 2m, ClientOrderId), TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.InsufficientBalanceOrMargin, error.Kind);
        Assert.Single(rig.Server.To("POST /api/v3/order"));
    }
}
