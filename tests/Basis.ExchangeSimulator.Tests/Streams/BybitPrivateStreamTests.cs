using System.Globalization;
using System.Text.Json;
using Basis.ExchangeSimulator.Tests.NodeClients;

namespace Basis.ExchangeSimulator.Tests.Streams;

/// <summary>bybit-api's WebsocketClient (an independent client) on the simulator's Bybit private stream.</summary>
public sealed class BybitPrivateStreamTests(BybitApiWsRun run) : IClassFixture<BybitApiWsRun>
{
    [Fact]
    public void Authenticates_and_receives_the_fill_of_an_order_placed_over_REST_as_the_books_order()
    {
        var output = run.Output;
        var push = output.GetProperty("push");
        var order = push.GetProperty("order");
        var book = run.Simulator.Bybit;
        decimal average;
        lock (book.Sync)
        {
            average = book.Accounts[Simulators.Key].Orders.Single(o => o.ClientOrderId == "nodeWs1").AveragePrice;
        }

        Assert.True(output.GetProperty("authenticated").GetProperty("success").GetBoolean());
        Assert.Equal("order.linear", push.GetProperty("topic").GetString());
        Assert.Equal(output.GetProperty("placed").GetProperty("result").GetProperty("orderId").GetString(), order.GetProperty("orderId").GetString());
        Assert.Equal(("linear", "BTCUSDT", "Buy", "Market"), (Text(order, "category"), Text(order, "symbol"), Text(order, "side"), Text(order, "orderType")));
        Assert.Equal(("0.01", "0.01", "0"), (Text(order, "qty"), Text(order, "cumExecQty"), Text(order, "leavesQty")));
        Assert.Equal(average, decimal.Parse(Text(order, "avgPrice"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_wrong_secret_is_refused_in_Bybits_auth_answer()
    {
        var refused = run.Output.GetProperty("refused");

        Assert.False(refused.GetProperty("success").GetBoolean());
        Assert.Equal("Request not authorized", Text(refused, "ret_msg"));
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
