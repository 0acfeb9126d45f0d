using System.Text.Json;
using Basis.ExchangeSimulator.Accounting;
using Basis.ExchangeSimulator.Tests.NodeClients;

namespace Basis.ExchangeSimulator.Tests.Binance;

/// <summary>
/// ccxt's binance (spot) against the simulator's /api/v3: markets, a market buy with its commission, a resting limit
/// order and the balances it locks, and typed errors, all equal to the simulator's own book.
/// </summary>
public sealed class CcxtSpotTests(CcxtSpotRun run) : IClassFixture<CcxtSpotRun>
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
    public void Loads_the_spot_pairs_with_their_lot_size()
    {
        var output = run.Output;

        Assert.Equal(["BTC/USDT", "ETH/USDT"], output.GetProperty("markets").EnumerateArray().Select(m => m.GetString()!).ToArray());
        Assert.Equal(0.0001m, Number(output, "eth.amountStep"));
        Assert.Equal(0.01m, Number(output, "eth.priceTick"));
        Assert.Equal(5m, Number(output, "eth.minCost"));
    }

    [Fact]
    public void A_market_buy_fills_at_the_spot_price_and_pays_its_fee_in_eth()
    {
        var output = run.Output;

        // 0.5 ETH at the 00:00 Binance spot open 3300.66: cost 1650.33 USDT; fee 0.1 % of 0.5 ETH = 0.0005 ETH
        Assert.Equal("closed", output.GetProperty("market").GetProperty("status").GetString());
        Assert.Equal("ccxtSpotBuy1", output.GetProperty("market").GetProperty("clientOrderId").GetString());
        Assert.Equal(0.5m, Number(output, "market.filled"));
        Assert.Equal(3_300.66m, Number(output, "market.average"));
        Assert.Equal(1_650.33m, Number(output, "market.cost"));
        Assert.Equal(0.0005m, Number(output, "market.fee.cost"));
        Assert.Equal("ETH", output.GetProperty("market").GetProperty("fee").GetProperty("currency").GetString());
    }

    [Fact]
    public void A_resting_limit_buy_locks_its_usdt_until_canceled()
    {
        var output = run.Output;

        // 10 000 − 1650.33 = 8349.67 USDT, of which the 0.1 ETH bid at 3000 locks 300
        Assert.Equal(10_000m, Number(output, "before.free"));
        Assert.Equal("open", output.GetProperty("fetched").GetProperty("status").GetString());
        Assert.Equal("ccxtSpotLimit1", output.GetProperty("fetched").GetProperty("clientOrderId").GetString());
        Assert.Equal(8_349.67m, Number(output, "locked.USDT.total"));
        Assert.Equal(300m, Number(output, "locked.USDT.used"));
        Assert.Equal(8_049.67m, Number(output, "locked.USDT.free"));
        Assert.Equal("canceled", output.GetProperty("canceled").GetProperty("status").GetString());
        Assert.Equal(8_349.67m, Number(output, "after.USDT.free"));
        Assert.Equal(0.4995m, Number(output, "after.ETH.free"));
        lock (run.Simulator.Binance.Sync)
        {
            var account = run.Simulator.Binance.Accounts[Simulators.Key];
            Assert.Equal(8_349.67m, account.Spot["USDT"]);
            Assert.Equal(0.4995m, account.Spot["ETH"]);
            Assert.Equal(10_000m, account.WalletOf("USDT")); // the futures wallet is another account
            Assert.Equal(OrderStatus.Canceled, account.Orders.Single(o => o.ClientOrderId == "ccxtSpotLimit1").Status);
        }
    }

    [Fact]
    public void Errors_reach_ccxt_as_its_typed_errors()
    {
        var errors = run.Output.GetProperty("errors");

        Assert.Equal("InsufficientFunds", errors.GetProperty("insufficientBalance").GetString()); // -2010
        Assert.Equal("OrderNotFound", errors.GetProperty("unknownOrder").GetString()); // -2013
    }

    [Fact]
    public void No_request_failed_the_signature_check() => Assert.Equal(0, run.Simulator.Stats.SignatureFailures);
}
