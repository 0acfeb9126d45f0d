using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Tests.Support;

namespace Basis.Core.Tests.Simulation;

public sealed class CapitalFlowWorkedExampleTests
{
    private static readonly ModeSettings UsdtLending = TestSettings.Mode("pure_lending_usdt", ShareClass.Usdt, new LendingParameters(Asset.Usdt, 0.02));

    private static SyntheticMarket LendingMarket(int hours) => new SyntheticMarket(SyntheticMarket.Jan1, hours)
        .Gas(0)
        .Oracle("oracle/aave/ETH-USD", _ => 3_000)
        .Aave("USDT", h => Math.Pow(1.00001, h), _ => 1.0);

    [Fact]
    public void Returns_are_time_weighted_so_flows_neither_add_nor_subtract_performance()
    {
        // Every hour the supply grows 0.001%, whatever its size. A 50,000 deposit at hour 10 is supplied
        // (entry_partial); a 30,000 withdrawal at hour 20 finds no idle USDT and is raised by withdrawing from AAVE
        // (the slow path). The time-weighted return is still 1.00001^47 − 1; the profit counts the money earned.
        var flows = new[] { new CapitalFlow(SyntheticMarket.Jan1.AddHours(10), 50_000), new CapitalFlow(SyntheticMarket.Jan1.AddHours(20), -30_000) };
        var result = Backtest.Run(LendingMarket(48), UsdtLending, 100_000, flows: flows);

        Assert.Equal(Math.Pow(1.00001, 47) - 1, result.Summary.TotalReturn, 12);
        Assert.Equal(20_000, result.Summary.NetFlows);
        Assert.Equal(result.Summary.FinalEquity - 120_000, result.Summary.Pnl, 9);
        Assert.Equal(result.Source(AttributionSource.LendingYield), result.Summary.Pnl, 6);
        var withdrawal = result.Events.OfType<FlowEvent>().Single(f => f.Amount < 0);
        Assert.Equal(0, withdrawal.FromFreeCash, 9);
        Assert.Contains(result.Events, e => e is WithdrawEvent { Reason: "a capital withdrawal" });
        Assert.Equal(20_000, result.Timeseries[47, result.Timeseries.IndexOf("net_flows")]);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-9);
    }

    [Fact]
    public void A_withdrawal_from_staking_sells_the_lst_on_a_dex_and_pays_the_peg_discount()
    {
        // The DEX pays 0.2% under the oracle rate. Withdrawing 10 ETH (+ 0.001 ETH of swap gas) sells
        // 10.001 / (1.04 × 0.998 × (1 − 0.0001)) weETH; the discount on them is booked as price.
        var market = new SyntheticMarket(SyntheticMarket.Jan1, 4).Gas(10).Oracle("oracle/aave/ETH-USD", _ => 3_000).Lst("weETH", _ => 1.04, premium: -0.002);
        var staking = TestSettings.Mode("eth_staking_only", ShareClass.Eth, new StakingParameters(LstToken.WeEth, 0.02, new SeasonalRewardsParameters(false, false, 0.002)));

        var result = Backtest.Run(market, staking, 100, flows: [new CapitalFlow(SyntheticMarket.Jan1.AddHours(2), -10)]);

        var sold = 10.001 / (1.04 * 0.998 * (1 - 0.0001));
        var swap = result.Events.OfType<SwapEvent>().Single();
        Assert.Equal(sold, swap.AmountIn, 9);
        Assert.Equal(-sold * 1.04 * 0.002, result.Source(AttributionSource.Price), 9);
        Assert.Equal(90, result.Summary.FinalEquity + 0.001 + 0.001 + (sold * 1.04 * (1 - (0.998 * 0.9999))), 9);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-9);
    }

    [Fact]
    public void A_withdrawal_of_more_than_was_paid_in_is_refused_before_the_run()
    {
        // 100,000 of capital and a 20,000 deposit at hour 3 pay in 120,000; withdrawing 150,000 at hour 5 cannot be paid
        // whatever the strategy earns in five hours.
        var flows = new[] { new CapitalFlow(SyntheticMarket.Jan1.AddHours(3), 20_000), new CapitalFlow(SyntheticMarket.Jan1.AddHours(5), -150_000) };

        var error = Assert.Throws<ArgumentException>(() => Backtest.Run(LendingMarket(10), UsdtLending, 100_000, flows: flows));

        Assert.StartsWith("The capital flows cannot be paid: the withdrawal of 150,000.00 USDT at 2025-01-01T05:00:00Z takes withdrawals to 150,000.00 USDT, more than the capital and the deposits before it (120,000.00 USDT).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Withdrawals_are_checked_against_what_was_paid_in_by_their_hour()
    {
        var at = (int hour) => SyntheticMarket.Jan1.AddHours(hour);

        // A deposit in the same hour counts first; one after the withdrawal does not.
        Assert.Null(CapitalFlow.Overdraft(100, [new CapitalFlow(at(2), -120), new CapitalFlow(at(2), 30)], "ETH"));
        Assert.Equal(
            "the withdrawal of 30.00 ETH at 2025-01-01T03:00:00Z takes withdrawals to 130.00 ETH, more than the capital and the deposits before it (100.00 ETH)",
            CapitalFlow.Overdraft(100, [new CapitalFlow(at(2), -100), new CapitalFlow(at(3), -30), new CapitalFlow(at(4), 500)], "ETH"));
    }

    [Fact]
    public void A_withdrawal_larger_than_the_equity_at_its_hour_is_refused_as_an_event_and_nothing_is_paid()
    {
        // The USDT supply's liquidity index halves at hour 3: 100,000 supplied is worth 50,000. A 60,000 withdrawal at
        // hour 4 is less than the 100,000 paid in, so it passes the check before the run, but more than the equity then:
        // it is refused, and the run goes on with 50,000 (not −10,000), no flow and a 50,000 loss.
        var market = new SyntheticMarket(SyntheticMarket.Jan1, 6)
            .Gas(0)
            .Oracle("oracle/aave/ETH-USD", _ => 3_000)
            .Aave("USDT", h => h < 3 ? 1.0 : 0.5, _ => 1.0);

        var result = Backtest.Run(market, UsdtLending, 100_000, flows: [new CapitalFlow(SyntheticMarket.Jan1.AddHours(4), -60_000)]);

        var refused = result.Events.OfType<FlowRefusedEvent>().Single();
        Assert.Equal((SyntheticMarket.Jan1.AddHours(4), -60_000.0, 50_000.0), (refused.Time, refused.Amount, refused.EquitySc));
        Assert.Equal("the withdrawal of 60,000.00 USDT at 2025-01-01T04:00:00Z is more than the equity at that hour (50,000.00 USDT); refused, nothing paid out", refused.Reason);
        Assert.DoesNotContain(result.Events, e => e is FlowEvent);
        Assert.Equal(50_000, result.Summary.FinalEquity, 9);
        Assert.Equal(0, result.Summary.NetFlows);
        Assert.Equal(-50_000, result.Summary.Pnl, 9);
        Assert.Equal(-0.5, result.Summary.TotalReturn, 12);
        Assert.Equal(0, result.Timeseries[5, result.Timeseries.IndexOf("net_flows")]);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-9);
    }

    [Fact]
    public void A_refused_withdrawal_survives_a_run_cut_into_segments()
    {
        var market = new SyntheticMarket(SyntheticMarket.Jan1, 6)
            .Gas(0)
            .Oracle("oracle/aave/ETH-USD", _ => 3_000)
            .Aave("USDT", h => h < 3 ? 1.0 : 0.5, _ => 1.0);
        CapitalFlow[] flows = [new CapitalFlow(SyntheticMarket.Jan1.AddHours(4), -60_000)];

        var whole = Backtest.Run(market, UsdtLending, 100_000, flows: flows);
        var segmented = Backtest.Segmented(market, UsdtLending, 100_000, [5, 6], flows: flows);

        Assert.Equal(whole.Summary.NetFlows, segmented.Summary.NetFlows);
        Assert.Equal(whole.Summary.TotalReturn, segmented.Summary.TotalReturn);
    }
}
