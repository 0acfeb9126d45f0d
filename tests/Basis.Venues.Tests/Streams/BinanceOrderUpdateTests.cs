using Rejection = Basis.ExchangeSimulator.Accounting.Rejection;
using SimOrder = Basis.ExchangeSimulator.Accounting.SimOrder;
using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Binance;
using Basis.Venues.Exchanges.Streams;
using SimSide = Basis.ExchangeSimulator.Accounting.OrderSide;
using SimType = Basis.ExchangeSimulator.Accounting.OrderType;

namespace Basis.Venues.Tests.Streams;

/// <summary><see cref="BinanceOrderUpdateFeed"/>: listen key, <c>/ws/&lt;listenKey&gt;</c>, ORDER_TRADE_UPDATE.</summary>
public sealed class BinanceOrderUpdateTests
{
    [Fact]
    public void The_documented_ORDER_TRADE_UPDATE_is_read_field_by_field()
    {
        // Binance's USDⓈ-M user data stream "Event: Order Update" example, trimmed to the fields read plus a few.
        const string json = """{"e":"ORDER_TRADE_UPDATE","E":1568879465651,"T":1568879465650,"o":{"s":"BTCUSDT","c":"TEST","S":"SELL","o":"TRAILING_STOP_MARKET","f":"GTC","q":"0.001","p":"0","ap":"0","sp":"7103.04","x":"NEW","X":"NEW","i":8886774,"l":"0","z":"0","L":"0","N":"USDT","n":"0","T":1568879465650,"t":0,"b":"0","a":"9.91","m":false,"R":false,"wt":"CONTRACT_PRICE","ot":"TRAILING_STOP_MARKET","ps":"LONG","cp":false,"AP":"7476.89","cr":"5.0","pP":false,"si":0,"ss":0,"rp":"0","V":"EXPIRE_TAKER","pm":"OPPONENT","gtd":0}}""";

        var update = BinanceOrderUpdateFeed.ParseOrderUpdate(json);

        Assert.Equal(
            new OrderUpdate("BTCUSDT", "TEST", "8886774", OrderSide.Sell, "NEW", OrderStatus.New, 0.001m, 0m, 0m, 0m, 0m, 0m, DateTimeOffset.FromUnixTimeMilliseconds(1568879465651)),
            update);
        Assert.Null(BinanceOrderUpdateFeed.ParseOrderUpdate("""{"e":"ACCOUNT_UPDATE","E":1,"T":1,"a":{}}"""));
    }

    [Fact]
    public async Task Order_changes_arrive_as_NEW_then_TRADE_and_continue_after_a_drop()
    {
        await using var rig = await StreamRig.StartAsync(pushIntervalMs: 50);
        using var http = new HttpClient();
        var feed = new BinanceOrderUpdateFeed(
            http,
            new Uri(rig.Host.BaseUrl),
            rig.WebSocketBaseUrl,
            new ExchangeCredentials(StreamRig.Key, "not-used-by-the-stream"),
            new StreamConnectionOptions { InitialReconnectDelay = TimeSpan.FromMilliseconds(50), MaxReconnectDelay = TimeSpan.FromMilliseconds(500) });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(TimeSpan.FromSeconds(30));

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

        await StreamRig.WaitUntilAsync(async () => (await rig.ConnectionsAsync()).Open == 1, "the user data stream");
        var first = Place(rig, "order-before-drop", 0.010m);
        await StreamRig.WaitUntilAsync(() => Task.FromResult(Count(updates) == 2), "NEW and TRADE");

        Assert.Equal(1, await rig.DropAsync());
        await StreamRig.WaitUntilAsync(async () => (await rig.ConnectionsAsync()) is { Open: 1, Accepted: 2 }, "the reconnect");
        Place(rig, "order-after-drop", 0.020m);
        await StreamRig.WaitUntilAsync(() => Task.FromResult(Count(updates) == 4), "the second order's NEW and TRADE");
        await stop.CancelAsync();
        await reading;

        Assert.Equal(["NEW", "TRADE", "NEW", "TRADE"], updates.Select(u => u.Execution));
        Assert.Equal(["order-before-drop", "order-before-drop", "order-after-drop", "order-after-drop"], updates.Select(u => u.ClientOrderId));
        var trade = updates[1];
        Assert.Equal(OrderStatus.Filled, trade.Status);
        Assert.Equal(OrderSide.Buy, trade.Side);
        Assert.Equal(0.010m, trade.Quantity);
        Assert.Equal(0.010m, trade.FilledQuantity);
        Assert.Equal(0.010m, trade.LastFillQuantity);
        Assert.Equal(first.AveragePrice, trade.LastFillPrice);
        Assert.Equal(first.AveragePrice, trade.AveragePrice);
        Assert.Equal(first.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture), trade.OrderId);
        Assert.Equal(OrderStatus.New, updates[0].Status);
        Assert.Equal(0m, updates[0].FilledQuantity);
    }

    private static int Count(List<OrderUpdate> updates)
    {
        lock (updates)
        {
            return updates.Count;
        }
    }

    private static SimOrder Place(StreamRig rig, string clientOrderId, decimal quantity)
    {
        var state = rig.Host.Binance;
        lock (state.Sync)
        {
            var (order, rejection) = state.PlaceOrder(state.Accounts[StreamRig.Key], "BTCUSDT", SimSide.Buy, SimType.Market, quantity, null, clientOrderId, false, "GTC");
            Assert.Equal(Rejection.None, rejection);
            return order!;
        }
    }
}
