using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Bybit;
using Basis.Venues.Exchanges.Okx;
using Basis.Venues.Exchanges.Streams;

namespace Basis.Venues.Tests.Streams;

/// <summary>
/// <see cref="BybitOrderUpdateFeed"/> and <see cref="OkxOrderUpdateFeed"/> against the simulator's private streams:
/// orders placed with the REST clients arrive on the stream, also after the simulator drops the connection (the
/// login and subscription are redone), and refused logins end the enumeration instead of reconnecting.
/// </summary>
public sealed class BybitAndOkxOrderUpdatesAgainstSimulatorTests
{
    private const string Secret = "stream-secret";
    private const string Passphrase = "stream-passphrase";

    private static StreamConnectionOptions FastOptions(TimeProvider? time = null) => new()
    {
        InitialReconnectDelay = TimeSpan.FromMilliseconds(50),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(500),
        TimeProvider = time ?? TimeProvider.System,
    };

    [Fact]
    public async Task Bybit_orders_placed_over_REST_arrive_as_NEW_then_TRADE_and_keep_arriving_after_a_drop()
    {
        await using var rig = await StreamRig.StartAsync(pushIntervalMs: 50);
        using var http = new HttpClient();
        var rest = new BybitExchangeClient(http, new BybitClientOptions { Endpoints = Endpoints(rig), Credentials = new ExchangeCredentials(StreamRig.Key, Secret) });
        var feed = new BybitOrderUpdateFeed(new Uri(rig.WebSocketBaseUrl, "/v5/private"), new ExchangeCredentials(StreamRig.Key, Secret), FastOptions());

        var updates = await PlaceAcrossADropAsync(rig, feed, rest, "BTCUSDT", 0.01m);

        var (id, average) = Book(rig.Host.Bybit, "beforeDrop");
        AssertNewThenTrade(updates, "BTCUSDT", 0.01m, average);
        Assert.EndsWith(id.ToString("D12", System.Globalization.CultureInfo.InvariantCulture), updates[1].OrderId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Okx_orders_placed_over_REST_arrive_in_base_units_and_keep_arriving_after_a_drop()
    {
        await using var rig = await StreamRig.StartAsync(pushIntervalMs: 50);
        using var http = new HttpClient();
        var credentials = new ExchangeCredentials(StreamRig.Key, Secret, Passphrase);
        var rest = new OkxExchangeClient(http, new OkxClientOptions { Endpoints = Endpoints(rig), Credentials = credentials });
        var feed = new OkxOrderUpdateFeed(new Uri(rig.WebSocketBaseUrl, "/ws/v5/private"), credentials, rest, FastOptions());

        var updates = await PlaceAcrossADropAsync(rig, feed, rest, "BTC-USDT-SWAP", 0.01m); // one contract of 0.01 BTC

        var (id, average) = Book(rig.Host.Okx, "beforeDrop");
        AssertNewThenTrade(updates, "BTC-USDT-SWAP", 0.01m, average);
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), updates[1].OrderId);
    }

    [Fact]
    public async Task Bybit_a_wrong_secret_or_a_lapsed_expiry_ends_the_enumeration_with_an_Authentication_error()
    {
        await using var rig = await StreamRig.StartAsync();
        var url = new Uri(rig.WebSocketBaseUrl, "/v5/private");

        var wrongSecret = await RefusedAsync(new BybitOrderUpdateFeed(url, new ExchangeCredentials(StreamRig.Key, "not-the-secret"), FastOptions()));
        var lapsed = await RefusedAsync(new BybitOrderUpdateFeed(url, new ExchangeCredentials(StreamRig.Key, Secret), FastOptions()) { AuthValidity = TimeSpan.FromSeconds(-5) });

        Assert.Equal(ExchangeErrorKind.Authentication, wrongSecret.Kind);
        Assert.Contains("Request not authorized", wrongSecret.VenueMessage, StringComparison.Ordinal);
        Assert.Contains("Params Error", lapsed.VenueMessage, StringComparison.Ordinal);
        Assert.Equal(2, (await rig.ConnectionsAsync()).Accepted); // one connection each: no reconnects
    }

    [Fact]
    public async Task Okx_a_wrong_passphrase_or_a_stale_timestamp_ends_the_enumeration_with_an_Authentication_error()
    {
        await using var rig = await StreamRig.StartAsync();
        var url = new Uri(rig.WebSocketBaseUrl, "/ws/v5/private");
        Task<decimal> NotAsked(string instId, CancellationToken token) => throw new InvalidOperationException("no order was pushed");

        var wrongPassphrase = await RefusedAsync(new OkxOrderUpdateFeed(url, new ExchangeCredentials(StreamRig.Key, Secret, "not-the-passphrase"), NotAsked, FastOptions(), null));
        var stale = await RefusedAsync(new OkxOrderUpdateFeed(url, new ExchangeCredentials(StreamRig.Key, Secret, Passphrase), NotAsked, FastOptions(new ShiftedClock(TimeSpan.FromSeconds(-60))), null));

        Assert.Equal((ExchangeErrorKind.Authentication, "60024"), (wrongPassphrase.Kind, wrongPassphrase.VenueCode));
        Assert.Equal((ExchangeErrorKind.Authentication, "60006"), (stale.Kind, stale.VenueCode));
        Assert.Equal(2, (await rig.ConnectionsAsync()).Accepted);
    }

    private static ExchangeEndpoints Endpoints(StreamRig rig) => ExchangeEndpoints.OneBaseUrl(new Uri(rig.Host.BaseUrl), isTestnet: false);

    // Places a market order once the subscription is live, waits for its two updates, drops the connection, waits
    // for the new one to log in and subscribe again, and does the same with a second order.
    private static async Task<List<OrderUpdate>> PlaceAcrossADropAsync(StreamRig rig, IOrderUpdateFeed feed, IPerpExchange rest, string symbol, decimal quantity)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(TimeSpan.FromSeconds(60));
        var updates = new List<OrderUpdate>();
        var reading = Task.Run(
            async () =>
            {
                await foreach (var update in feed.OrderUpdatesAsync(stop.Token))
                {
                    lock (updates)
                    {
                        updates.Add(update);
                    }
                }
            },
            stop.Token);

        await StreamRig.WaitUntilAsync(async () => await rig.SubscribedAsync() == 1, "the login and subscription");
        await rest.PlaceOrderAsync(new OrderRequest(TradingAccount.Futures, symbol, OrderSide.Buy, OrderType.Market, quantity, "beforeDrop"), cancellationToken);
        await StreamRig.WaitUntilAsync(() => Task.FromResult(Count(updates) == 2), "NEW and TRADE");

        Assert.Equal(1, await rig.DropAsync());
        await StreamRig.WaitUntilAsync(async () => (await rig.ConnectionsAsync()) is { Open: 1, Accepted: 2 } && await rig.SubscribedAsync() == 1, "the new login and subscription");
        await rest.PlaceOrderAsync(new OrderRequest(TradingAccount.Futures, symbol, OrderSide.Buy, OrderType.Market, quantity, "afterDrop"), cancellationToken);
        await StreamRig.WaitUntilAsync(() => Task.FromResult(Count(updates) == 4), "the second order's NEW and TRADE");
        await stop.CancelAsync();
        await reading;

        Assert.Equal(["beforeDrop", "beforeDrop", "afterDrop", "afterDrop"], updates.Select(u => u.ClientOrderId));
        return updates;
    }

    private static void AssertNewThenTrade(List<OrderUpdate> updates, string symbol, decimal quantity, decimal average)
    {
        Assert.Equal(["NEW", "TRADE", "NEW", "TRADE"], updates.Select(u => u.Execution));
        var (created, trade) = (updates[0], updates[1]);
        Assert.Equal((symbol, OrderSide.Buy, OrderStatus.New, quantity, 0m), (created.Symbol, created.Side, created.Status, created.Quantity, created.FilledQuantity));
        Assert.Equal(created.OrderId, trade.OrderId);
        Assert.Equal(OrderStatus.Filled, trade.Status);
        Assert.Equal((quantity, quantity, quantity), (trade.Quantity, trade.FilledQuantity, trade.LastFillQuantity));
        Assert.Equal((average, average), (trade.AveragePrice, trade.LastFillPrice));
    }

    // The simulator's numeric id and average fill price of an order of the stream account.
    private static (long OrderId, decimal AveragePrice) Book(Basis.ExchangeSimulator.Accounting.ExchangeState state, string clientOrderId)
    {
        lock (state.Sync)
        {
            var order = state.Accounts[StreamRig.Key].Orders.Single(o => o.ClientOrderId == clientOrderId);
            return (order.OrderId, order.AveragePrice);
        }
    }

    private static async Task<ExchangeException> RefusedAsync(IOrderUpdateFeed feed)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(30));
        return await Assert.ThrowsAsync<ExchangeException>(async () =>
        {
            await foreach (var update in feed.OrderUpdatesAsync(guard.Token))
            {
                Assert.Fail($"unexpected update {update}");
            }
        });
    }

    private static int Count(List<OrderUpdate> updates)
    {
        lock (updates)
        {
            return updates.Count;
        }
    }

    /// <summary>The system clock off by <paramref name="shift"/> (a local clock that is wrong).</summary>
    private sealed class ShiftedClock(TimeSpan shift) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + shift;
    }
}
