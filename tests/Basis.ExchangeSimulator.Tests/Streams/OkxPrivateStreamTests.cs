using System.Globalization;
using System.Text.Json;
using Basis.ExchangeSimulator.Tests.NodeClients;

namespace Basis.ExchangeSimulator.Tests.Streams;

/// <summary>okx-api's WebsocketClient (an independent client) on the simulator's OKX private stream.</summary>
public sealed class OkxPrivateStreamTests(OkxApiWsRun run) : IClassFixture<OkxApiWsRun>
{
    [Fact]
    public void Logs_in_and_receives_the_fill_of_an_order_placed_over_REST_in_contracts()
    {
        var output = run.Output;
        var order = output.GetProperty("push").GetProperty("order");
        var book = run.Simulator.Okx;
        (decimal Quantity, decimal Average) booked;
        lock (book.Sync)
        {
            var o = book.Accounts[Simulators.Key].Orders.Single(o => o.ClientOrderId == "nodeWs1");
            booked = (o.Quantity, o.AveragePrice);
        }

        Assert.Equal("0", output.GetProperty("authenticated").GetProperty("code").GetString());
        Assert.Equal("orders", output.GetProperty("push").GetProperty("arg").GetProperty("channel").GetString());
        Assert.Equal(output.GetProperty("placed")[0].GetProperty("ordId").GetString(), order.GetProperty("ordId").GetString());
        Assert.Equal(("BTC-USDT-SWAP", "buy", "market", "filled"), (Text(order, "instId"), Text(order, "side"), Text(order, "ordType"), Text(order, "state")));
        Assert.Equal(("2", "2", "2"), (Text(order, "sz"), Text(order, "accFillSz"), Text(order, "fillSz")));
        Assert.Equal(0.02m, booked.Quantity); // two contracts of 0.01 BTC
        Assert.Equal(booked.Average, decimal.Parse(Text(order, "avgPx"), CultureInfo.InvariantCulture));
        Assert.Equal(booked.Average, decimal.Parse(Text(order, "fillPx"), CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_wrong_passphrase_is_refused_with_OKXs_error_event()
    {
        var refused = run.Output.GetProperty("refused");

        Assert.Equal(("error", "60024", "Wrong passphrase"), (Text(refused, "event"), Text(refused, "code"), Text(refused, "msg")));
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
