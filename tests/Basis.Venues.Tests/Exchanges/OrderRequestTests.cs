using Basis.Venues.Exchanges;

namespace Basis.Venues.Tests.Exchanges;

public sealed class OrderRequestTests
{
    [Fact]
    public void The_same_intent_always_derives_the_same_client_order_id()
    {
        var first = ClientOrderIds.Derive("run-42/2026-12-03T10:00Z/short-perp");
        var again = ClientOrderIds.Derive("run-42/2026-12-03T10:00Z/short-perp");
        var other = ClientOrderIds.Derive("run-42/2026-12-03T11:00Z/short-perp");

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(ClientOrderIds.MaxLength, first.Length);
        Assert.All(first, c => Assert.True(char.IsAsciiLetterOrDigit(c)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has-dash")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    public void Client_order_ids_that_some_venue_would_refuse_are_rejected(string clientOrderId) =>
        Assert.ThrowsAny<ArgumentException>(() => OrderRequest.Market(TradingAccount.Futures, "BTCUSDT", OrderSide.Buy, 1m, clientOrderId));

    [Fact]
    public void Reduce_only_on_spot_is_inconsistent()
    {
        var request = OrderRequest.Market(TradingAccount.Spot, "ETHUSDT", OrderSide.Sell, 1m, "abc") with { ReduceOnly = true };

        Assert.Throws<ArgumentException>(request.EnsureConsistent);
    }
}
