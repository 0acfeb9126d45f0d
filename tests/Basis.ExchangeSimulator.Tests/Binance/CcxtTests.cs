using System.Text.Json;
using Basis.ExchangeSimulator.Tests.NodeClients;
using Basis.ExchangeSimulator.Accounting;

namespace Basis.ExchangeSimulator.Tests.Binance;

/// <summary>
/// ccxt (an independent client) against the simulator: what it parsed must equal the simulator's own book, and
/// the simulator's errors must reach it as ccxt's typed errors.
/// </summary>
public sealed class CcxtTests(CcxtRun run) : IClassFixture<CcxtRun>
{
    private static decimal Number(JsonElement element, string path)
    {
        foreach (var name in path.Split('.'))
        {
            element = element.GetProperty(name);
        }

        return element.GetDecimal();
    }

    [Fact]
    public void Loads_both_markets_with_binance_filters()
    {
        var output = run.Output;

        Assert.Equal(["BTC/USDT:USDT", "ETH/USDT:USDT"], output.GetProperty("markets").EnumerateArray().Select(m => m.GetString()!).ToArray());
        Assert.Equal(0.001m, Number(output, "btc.amountStep"));
        Assert.Equal(0.1m, Number(output, "btc.priceTick"));
        Assert.Equal(100m, Number(output, "btc.minCost"));
    }

    [Fact]
    public void Position_size_and_entry_are_the_simulators()
    {
        var output = run.Output;
        var position = output.GetProperty("positions").EnumerateArray().Single();
        lock (run.Simulator.Binance.Sync)
        {
            var book = run.Simulator.Binance.Accounts[Simulators.Key].Position("BTCUSDT");

            // bought 0.01 at market: the 00:00 mark 94040.74 on the 0.1 tick
            Assert.Equal(0.01m, book.Size);
            Assert.Equal(94_040.7m, book.EntryPrice);
            Assert.Equal(book.Size, position.GetProperty("contracts").GetDecimal());
            Assert.Equal(book.EntryPrice, position.GetProperty("entryPrice").GetDecimal());
            Assert.Equal("long", position.GetProperty("side").GetString());
            Assert.Equal(book.EntryPrice, Number(output, "market.average"));
            Assert.Equal("closed", output.GetProperty("market").GetProperty("status").GetString());
        }
    }

    [Fact]
    public void Balance_moves_by_the_fee_and_the_margin()
    {
        var output = run.Output;
        lock (run.Simulator.Binance.Sync)
        {
            var state = run.Simulator.Binance;
            var account = state.Accounts[Simulators.Key];

            // wallet 10000 − 0.01 × 94040.7 × 0.0005 (0.4702035); total = wallet + unrealised 0.01 × (94040.74 − 94040.7) = 9999.5301965;
            // used = 0.01 × 94040.74 / 5 (leverage set by ccxt) = 188.08148; free = total − used
            Assert.Equal(10_000m, Number(output, "before.total"));
            Assert.Equal(10_000m - 0.4702035m, account.WalletOf("USDT"));
            Assert.Equal(9_999.5301965m, Number(output, "after.total"));
            Assert.Equal(account.WalletOf("USDT") + state.UnrealisedPnl(account), Number(output, "after.total"));
            Assert.Equal(188.08148m, Number(output, "after.used"));
            Assert.Equal(9_999.5301965m - 188.08148m, Number(output, "after.free"));
        }
    }

    [Fact]
    public void Leverage_margin_mode_and_the_limit_order_reach_the_book()
    {
        var output = run.Output;
        lock (run.Simulator.Binance.Sync)
        {
            var account = run.Simulator.Binance.Accounts[Simulators.Key];
            var limit = account.Orders.Single(o => o.ClientOrderId == "basis-limit-1");

            Assert.Equal(5, account.LeverageOf("BTCUSDT"));
            Assert.Equal(MarginMode.Isolated, account.MarginModeOf("ETHUSDT"));
            Assert.Equal(OrderStatus.Canceled, limit.Status);
            Assert.Equal(80_000m, limit.Price);
            Assert.Equal(limit.OrderId.ToString(System.Globalization.CultureInfo.InvariantCulture), output.GetProperty("limit").GetProperty("id").GetString());
            Assert.Equal("basis-limit-1", output.GetProperty("fetched").GetProperty("clientOrderId").GetString());
            Assert.Equal("open", output.GetProperty("fetched").GetProperty("status").GetString());
            Assert.Equal("canceled", output.GetProperty("canceled").GetProperty("status").GetString());
        }
    }

    [Fact]
    public void Funding_rate_and_history_come_from_the_data()
    {
        var output = run.Output;

        // next funding 2025-01-01 08:00 at 0.00014066; the only past row is 00:00 at 0.00017348
        Assert.Equal(0.00014066m, Number(output, "funding.fundingRate"));
        Assert.Equal(1735718400000m, Number(output, "funding.fundingTimestamp"));
        Assert.Equal(94_040.74m, Number(output, "funding.markPrice"));
        var history = output.GetProperty("fundingHistory").EnumerateArray().Single();
        Assert.Equal(1735689600000m, history.GetProperty("timestamp").GetDecimal());
        Assert.Equal(0.00017348m, history.GetProperty("fundingRate").GetDecimal());
    }

    [Fact]
    public void Errors_reach_ccxt_as_its_typed_errors()
    {
        var errors = run.Output.GetProperty("errors");

        Assert.Equal("InsufficientFunds", errors.GetProperty("insufficientMargin").GetString()); // -2019
        Assert.Equal("InvalidNonce", errors.GetProperty("staleTimestamp").GetString()); // -1021
        Assert.Equal("InvalidOrder", errors.GetProperty("duplicateClientOrderId").GetString()); // -4116
        Assert.Equal("OrderNotFound", errors.GetProperty("unknownOrder").GetString()); // -2013
    }

    [Fact]
    public void No_request_failed_the_signature_check() => Assert.Equal(0, run.Simulator.Stats.SignatureFailures);
}
