using System.Net;
using Basis.Venues.Exchanges;
using static Basis.Venues.Tests.Exchanges.ScriptedExchange;

namespace Basis.Venues.Tests.Exchanges.Binance;

public sealed class BinanceRateLimitTests
{
    [Fact]
    public async Task A_429_waits_the_retry_after_the_exchange_asked_for_then_succeeds()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On(
            "GET /fapi/v1/premiumIndex",
            Respond(HttpStatusCode.TooManyRequests, BinanceResponsesFromDocs.Error(-1003, "Too many requests."), ("Retry-After", "7")),
            Ok(BinanceResponsesFromDocs.PremiumIndex));

        var mark = await rig.Client.GetMarkPriceAsync("BTCUSDT", TestContext.Current.CancellationToken);

        Assert.Equal(11793.63104562m, mark.MarkPrice);
        Assert.Equal(2, rig.Server.To("GET /fapi/v1/premiumIndex").Count);
        Assert.Equal([TimeSpan.FromSeconds(7)], rig.Clock.Waits);
    }

    [Fact]
    public async Task An_ip_ban_is_reported_at_once_without_retrying()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On(
            "GET /fapi/v1/premiumIndex",
            Respond((HttpStatusCode)418, BinanceResponsesFromDocs.Error(-1003, "Way too many requests; IP banned until 1591702733943."), ("Retry-After", "120")));

        var error = await Assert.ThrowsAsync<ExchangeException>(
            () => rig.Client.GetMarkPriceAsync("BTCUSDT", TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.IpBanned, error.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.Single(rig.Server.To("GET /fapi/v1/premiumIndex"));
        Assert.Empty(rig.Clock.Waits);
    }

    [Fact]
    public async Task Used_weight_near_the_limit_holds_the_next_request_until_the_minute_resets()
    {
        using var rig = new BinanceTestRig();
        // 2200 of 2400 is past the 90 % the client keeps under.
        rig.Server.On(
            "GET /fapi/v1/premiumIndex",
            Ok(BinanceResponsesFromDocs.PremiumIndex, ("X-MBX-USED-WEIGHT-1M", "2200")),
            Ok(BinanceResponsesFromDocs.PremiumIndex, ("X-MBX-USED-WEIGHT-1M", "1")));

        await rig.Client.GetMarkPriceAsync("BTCUSDT", TestContext.Current.CancellationToken);
        await rig.Client.GetFundingRateAsync("BTCUSDT", TestContext.Current.CancellationToken);

        // Local start 11:36:53.943 (no offset): the next minute starts 6.057 s later.
        Assert.Equal([TimeSpan.FromMilliseconds(6057)], rig.Clock.Waits);
    }

    [Fact]
    public async Task Order_count_near_the_ten_second_limit_holds_the_next_order()
    {
        using var rig = new BinanceTestRig();
        var order = BinanceResponsesFromDocs.FuturesOrder("abc123");
        rig.Server.On(
            "POST /fapi/v1/order",
            Ok(order, ("X-MBX-ORDER-COUNT-10S", "290"), ("X-MBX-ORDER-COUNT-1M", "290")),
            Ok(order, ("X-MBX-ORDER-COUNT-10S", "1")));
        var request = OrderRequest.Limit(TradingAccount.Futures, "BTCUSDT", OrderSide.Buy, 1m, 9000m, "abc123");

        await rig.Client.PlaceOrderAsync(request, TestContext.Current.CancellationToken);
        await rig.Client.PlaceOrderAsync(request, TestContext.Current.CancellationToken);

        // 11:36:53.943 → the 10 s window ends at 11:37:00.000.
        Assert.Equal([TimeSpan.FromMilliseconds(6057)], rig.Clock.Waits);
    }
}
