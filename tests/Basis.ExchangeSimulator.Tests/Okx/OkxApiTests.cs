using System.Globalization;
using System.Text.Json;
using Basis.ExchangeSimulator.Accounting;
using Basis.ExchangeSimulator.Tests.NodeClients;

namespace Basis.ExchangeSimulator.Tests.Okx;

/// <summary>okx-api (an independent client) against the OKX v5 SWAP subset: answers, in contracts, equal the simulator's OKX book.</summary>
public sealed class OkxApiTests(OkxApiRun run) : IClassFixture<OkxApiRun>
{
    private JsonElement First(string step) => run.Output.GetProperty(step)[0];

    private static decimal Dec(JsonElement element, string name) => decimal.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    [Fact]
    public void Lists_swaps_with_their_contract_values()
    {
        var instruments = run.Output.GetProperty("instruments").EnumerateArray().ToList();

        Assert.Equal(["BTC-USDT-SWAP", "ETH-USDT-SWAP"], instruments.Select(i => i.GetProperty("instId").GetString()!).ToArray());
        Assert.Equal("0.01", instruments[0].GetProperty("ctVal").GetString());
        Assert.Equal("0.1", instruments[1].GetProperty("ctVal").GetString());
    }

    [Fact]
    public void Position_in_contracts_and_balance_are_the_simulators()
    {
        var position = First("positions");
        var balance = First("after").GetProperty("details")[0];
        lock (run.Simulator.Okx.Sync)
        {
            var account = run.Simulator.Okx.Accounts[Simulators.Key];
            var book = account.Position("BTCUSDT");

            // 1 contract = 0.01 BTC bought at the OKX 00:00 mark 94050.97 → 94051.0 on the 0.1 tick; fee 940.51 × 0.0005 = 0.470255
            Assert.Equal(0.01m, book.Size);
            Assert.Equal(94_051m, book.EntryPrice);
            Assert.Equal(book.Size / 0.01m, Dec(position, "pos"));
            Assert.Equal(book.EntryPrice, Dec(position, "avgPx"));
            Assert.Equal("5", position.GetProperty("lever").GetString());
            Assert.Equal(10_000m - 0.470255m, account.WalletOf("USDT"));
            Assert.Equal(account.WalletOf("USDT"), Dec(balance, "cashBal"));

            // initial margin 0.01 × 94050.97 / 5 = 188.10194
            Assert.Equal(188.10194m, Dec(balance, "imr"));
        }
    }

    [Fact]
    public void Limit_order_by_client_id_is_live_then_cancelled()
    {
        var order = First("order");
        Assert.Equal("basisLimit1", order.GetProperty("clOrdId").GetString());
        Assert.Equal("live", order.GetProperty("state").GetString());
        Assert.Equal("1", order.GetProperty("sz").GetString());
        Assert.Equal("0", First("cancel").GetProperty("sCode").GetString());
        lock (run.Simulator.Okx.Sync)
        {
            Assert.Equal(OrderStatus.Canceled, run.Simulator.Okx.Accounts[Simulators.Key].Orders.Single(o => o.ClientOrderId == "basisLimit1").Status);
        }
    }

    [Fact]
    public void Mark_and_funding_come_from_the_okx_data()
    {
        // data/funding/okx/BTCUSDT: 00:00 0.00013881 (settled), 08:00 0.00007658 (current period)
        Assert.Equal("94050.97", First("mark").GetProperty("markPx").GetString());
        Assert.Equal("0.00007658", First("funding").GetProperty("fundingRate").GetString());
        Assert.Equal("1735718400000", First("funding").GetProperty("fundingTime").GetString());
        Assert.Equal("0.00013881", First("fundingHistory").GetProperty("fundingRate").GetString());
    }

    [Fact]
    public void A_transfer_moves_usdt_between_the_trading_and_the_funding_account()
    {
        var transfer = First("transferOut");
        Assert.Equal(("USDT", "100", "18", "6"), (
            transfer.GetProperty("ccy").GetString(), transfer.GetProperty("amt").GetString(),
            transfer.GetProperty("from").GetString(), transfer.GetProperty("to").GetString()));
        Assert.False(string.IsNullOrEmpty(transfer.GetProperty("transId").GetString()));
        var before = Dec(First("after").GetProperty("details")[0], "cashBal");
        Assert.Equal(before - 100m, Dec(First("midway").GetProperty("details")[0], "cashBal"));
        Assert.Equal("6", First("transferIn").GetProperty("from").GetString());
        Assert.Equal("58350", run.Output.GetProperty("transferShort").GetProperty("code").GetString());
        lock (run.Simulator.Okx.Sync)
        {
            Assert.Equal(0m, run.Simulator.Okx.Accounts[Simulators.Key].FundingOf("USDT"));
        }
    }

    [Fact]
    public void Deposit_addresses_are_listed_per_chain()
    {
        var addresses = run.Output.GetProperty("depositAddress").EnumerateArray().ToList();
        Assert.Equal(["USDT-ERC20", "USDT-TRC20", "USDT-Arbitrum One"], addresses.Select(a => a.GetProperty("chain").GetString()!).ToArray());
        lock (run.Simulator.Okx.Sync)
        {
            var account = run.Simulator.Okx.Accounts[Simulators.Key];
            Assert.Equal(run.Simulator.Okx.DepositAddress(account, "USDT", "USDT-TRC20"), addresses[1].GetProperty("addr").GetString());
        }
    }

    [Fact]
    public void Errors_carry_okx_codes()
    {
        var output = run.Output;

        Assert.Equal("51008", output.GetProperty("insufficient").GetProperty("data")[0].GetProperty("sCode").GetString());
        Assert.Equal("51016", output.GetProperty("duplicate").GetProperty("data")[0].GetProperty("sCode").GetString());
        Assert.Equal("51603", output.GetProperty("unknownOrder").GetProperty("code").GetString());
        Assert.Equal("50102", output.GetProperty("stale").GetProperty("code").GetString());
        Assert.Equal(0, run.Simulator.Stats.SignatureFailures);
    }
}
