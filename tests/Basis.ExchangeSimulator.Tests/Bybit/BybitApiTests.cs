using System.Text.Json;
using Basis.ExchangeSimulator.Accounting;
using Basis.ExchangeSimulator.Tests.NodeClients;

namespace Basis.ExchangeSimulator.Tests.Bybit;

/// <summary>bybit-api (an independent client) against the Bybit v5 linear subset: answers equal the simulator's Bybit book.</summary>
public sealed class BybitApiTests(BybitApiRun run) : IClassFixture<BybitApiRun>
{
    private JsonElement Result(string step)
    {
        var answer = run.Output.GetProperty(step);
        Assert.Equal(0, answer.GetProperty("retCode").GetInt32());
        return answer.GetProperty("result");
    }

    private int RetCode(string step) => run.Output.GetProperty(step).GetProperty("retCode").GetInt32();

    private static decimal Dec(JsonElement element, string name) => decimal.Parse(element.GetProperty(name).GetString()!, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Lists_both_instruments_with_their_filters()
    {
        var list = Result("instruments").GetProperty("list").EnumerateArray().ToList();

        Assert.Equal(["BTCUSDT", "ETHUSDT"], list.Select(i => i.GetProperty("symbol").GetString()!).ToArray());
        Assert.Equal("0.001", list[0].GetProperty("lotSizeFilter").GetProperty("qtyStep").GetString());
        Assert.Equal("0.1", list[0].GetProperty("priceFilter").GetProperty("tickSize").GetString());
    }

    [Fact]
    public void Position_and_balance_are_the_simulators()
    {
        var position = Result("positions").GetProperty("list").EnumerateArray().Single();
        var wallet = Result("after").GetProperty("list")[0];
        lock (run.Simulator.Bybit.Sync)
        {
            var state = run.Simulator.Bybit;
            var account = state.Accounts[Simulators.Key];
            var book = account.Position("BTCUSDT");

            // bought 0.01 at the Bybit 00:00 mark 94054.8; taker 5.5 bps: 0.01 × 94054.8 × 0.00055 = 0.5173014
            Assert.Equal(0.01m, book.Size);
            Assert.Equal(94_054.8m, book.EntryPrice);
            Assert.Equal(book.Size, Dec(position, "size"));
            Assert.Equal(book.EntryPrice, Dec(position, "avgPrice"));
            Assert.Equal("Buy", position.GetProperty("side").GetString());
            Assert.Equal("5", position.GetProperty("leverage").GetString());
            Assert.Equal(10_000m - 0.5173014m, account.WalletOf("USDT"));
            Assert.Equal(account.WalletOf("USDT"), Dec(wallet, "totalWalletBalance"));

            // initial margin 0.01 × 94054.8 / 5 = 188.1096
            Assert.Equal(188.1096m, Dec(wallet, "totalInitialMargin"));
            Assert.Equal(10_000m - 0.5173014m - 188.1096m, Dec(wallet, "totalAvailableBalance"));
        }
    }

    [Fact]
    public void Limit_order_with_a_link_id_is_listed_then_cancelled()
    {
        var open = Result("open").GetProperty("list").EnumerateArray().Single();
        Assert.Equal("basis-limit-1", open.GetProperty("orderLinkId").GetString());
        Assert.Equal("New", open.GetProperty("orderStatus").GetString());
        Assert.Equal(Result("limit").GetProperty("orderId").GetString(), Result("cancel").GetProperty("orderId").GetString());
        lock (run.Simulator.Bybit.Sync)
        {
            var order = run.Simulator.Bybit.Accounts[Simulators.Key].Orders.Single(o => o.ClientOrderId == "basis-limit-1");
            Assert.Equal(OrderStatus.Canceled, order.Status);
        }
    }

    [Fact]
    public void Ticker_and_funding_history_come_from_the_bybit_data()
    {
        var ticker = Result("ticker").GetProperty("list").EnumerateArray().Single();
        var history = Result("fundingHistory").GetProperty("list").EnumerateArray().Single();

        // data/funding/bybit/BTCUSDT: 00:00 0.00013939 (past), 08:00 0.00010623 (next)
        Assert.Equal("94054.8", ticker.GetProperty("markPrice").GetString());
        Assert.Equal("0.00010623", ticker.GetProperty("fundingRate").GetString());
        Assert.Equal("1735718400000", ticker.GetProperty("nextFundingTime").GetString());
        Assert.Equal("0.00013939", history.GetProperty("fundingRate").GetString());
    }

    [Fact]
    public void A_transfer_moves_usdt_between_the_unified_account_and_the_funding_wallet()
    {
        var transfer = Result("transferOut");
        Assert.Equal(run.Output.GetProperty("transferOutId").GetString(), transfer.GetProperty("transferId").GetString());
        Assert.Equal("SUCCESS", transfer.GetProperty("status").GetString());
        var before = Dec(Result("after").GetProperty("list")[0], "totalWalletBalance");
        Assert.Equal(before - 100m, Dec(Result("midway").GetProperty("list")[0], "totalWalletBalance"));
        Assert.Equal("SUCCESS", Result("transferIn").GetProperty("status").GetString());
        Assert.Equal(131212, RetCode("transferShort"));
        lock (run.Simulator.Bybit.Sync)
        {
            Assert.Equal(0m, run.Simulator.Bybit.Accounts[Simulators.Key].FundingOf("USDT"));
        }
    }

    [Fact]
    public void The_deposit_address_is_the_accounts_for_the_chain()
    {
        var chain = Result("depositAddress").GetProperty("chains").EnumerateArray().Single();
        Assert.Equal("ETH", chain.GetProperty("chain").GetString());
        lock (run.Simulator.Bybit.Sync)
        {
            var account = run.Simulator.Bybit.Accounts[Simulators.Key];
            Assert.Equal(run.Simulator.Bybit.DepositAddress(account, "USDT", "ETH"), chain.GetProperty("addressDeposit").GetString());
        }
    }

    [Fact]
    public void Errors_carry_bybits_return_codes()
    {
        Assert.Equal(110007, RetCode("insufficient"));
        Assert.Equal(110072, RetCode("duplicate"));
        Assert.Equal(110001, RetCode("unknownCancel"));
        Assert.Equal(10002, RetCode("stale"));
        Assert.Equal(0, run.Simulator.Stats.SignatureFailures);
    }
}
