using System.Net;
using System.Text.Json;

namespace Basis.ExchangeSimulator.Tests.Binance;

/// <summary>The Binance spot endpoints over raw signed requests: response shapes, balances and errors as the spot API's.</summary>
public sealed class BinanceSpotApiTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task A_full_market_buy_reports_its_fill_commission_and_the_account_its_balances()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);

        var (status, order) = await ReadAsync(client.SignedAsync(HttpMethod.Post, "/api/v3/order", "symbol=ETHUSDT&side=BUY&type=MARKET&quantity=0.5&newClientOrderId=spot1"));
        var (_, account) = await ReadAsync(client.SignedAsync(HttpMethod.Get, "/api/v3/account", "omitZeroBalances=true"));

        // FULL by default: 0.5 ETH at the spot open 3300.66, commission 0.1 % of the 0.5 ETH received
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(("spot1", "FILLED", "0.50000000", "1650.33000000"), (
            order.GetProperty("clientOrderId").GetString(), order.GetProperty("status").GetString(),
            order.GetProperty("executedQty").GetString(), order.GetProperty("cummulativeQuoteQty").GetString()));
        var fill = order.GetProperty("fills").EnumerateArray().Single();
        Assert.Equal(("3300.66000000", "0.00050000", "ETH"), (
            fill.GetProperty("price").GetString(), fill.GetProperty("commission").GetString(), fill.GetProperty("commissionAsset").GetString()));
        var balances = account.GetProperty("balances").EnumerateArray().ToDictionary(b => b.GetProperty("asset").GetString()!, b => b.GetProperty("free").GetString());
        Assert.Equal(new Dictionary<string, string?> { ["USDT"] = "8349.67000000", ["ETH"] = "0.49950000" }, balances);
    }

    [Fact]
    public async Task Cancel_answers_the_orders_id_as_orig_client_order_id()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);
        await ReadAsync(client.SignedAsync(HttpMethod.Post, "/api/v3/order", "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.01&price=80000&newClientOrderId=bid1"));

        var (_, queried) = await ReadAsync(client.SignedAsync(HttpMethod.Get, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=bid1"));
        var (_, canceled) = await ReadAsync(client.SignedAsync(HttpMethod.Delete, "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=bid1&newClientOrderId=cancel1"));

        Assert.Equal(("NEW", "80000.00000000"), (queried.GetProperty("status").GetString(), queried.GetProperty("price").GetString()));
        Assert.Equal(("CANCELED", "bid1", "cancel1"), (
            canceled.GetProperty("status").GetString(), canceled.GetProperty("origClientOrderId").GetString(), canceled.GetProperty("clientOrderId").GetString()));
    }

    [Theory]
    [InlineData("symbol=ETHUSDT&side=BUY&type=MARKET&quantity=4", -2010, "Account has insufficient balance for requested action.")]
    [InlineData("symbol=ETHUSDT&side=SELL&type=MARKET&quantity=0.1", -2010, "Account has insufficient balance for requested action.")]
    [InlineData("symbol=ETHUSDT&side=BUY&type=MARKET&quantity=0.00001", -1013, "Filter failure: LOT_SIZE")]
    [InlineData("symbol=ETHUSDT&side=BUY&type=MARKET&quantity=0.001", -1013, "Filter failure: NOTIONAL")]
    public async Task Refusals_carry_the_spot_codes(string order, int code, string message)
    {
        await using var sim = await Simulators.StartAsync();
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);

        // 4 ETH cost 13 202.64 USDT of 10 000; no ETH is held; 0.001 ETH is 3.30 USDT, under the 5 USDT minimum
        var (status, body) = await ReadAsync(client.SignedAsync(HttpMethod.Post, "/api/v3/order", order));

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal((code, message), (body.GetProperty("code").GetInt32(), body.GetProperty("msg").GetString()));
    }
}
