using Basis.Core.Events;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Tests.Support;

namespace Basis.Core.Tests.Simulation;

public sealed class LeverageWorkedExampleTests
{
    private static readonly SeasonalRewardsParameters NoRewards = new(false, false, 0.002);

    private static ModeSettings EthLeveraged(LeverageParameters leverage, bool riskManagement = true) =>
        TestSettings.Mode("eth_leveraged", ShareClass.Eth, new LeveragedStakingParameters(leverage, 0.02, riskManagement, NoRewards));

    private static SyntheticMarket Market(int hours, Func<int, double> lstRate, Func<int, double>? borrowIndex = null) =>
        new SyntheticMarket(SyntheticMarket.Jan1, hours)
            .Gas(10)
            .Oracle("oracle/aave/ETH-USD", _ => 3_000)
            .Lst("weETH", lstRate)
            .Aave("weETH", _ => 1.0, _ => 1.0)
            .Aave("WETH", _ => 1.0, borrowIndex ?? (_ => 1.0));

    [Fact]
    public void Entry_sizes_the_loop_from_equity_and_target_ltv_in_one_flash_loan_group()
    {
        // 100 ETH; entry gas (atomic entry + approval + eMode switch) = 3 × 0.001 = 0.003 ETH, so E = 99.997.
        // λ = 0.9: flash F = λE/(1 − λ) = 899.973; stake E + F = 999.97 ETH at rate 1 → 999.97 weETH supplied;
        // borrow B = F = 899.973 WETH. LTV = 0.9; HF = 0.95 × 999.97 / 899.973 = 1.05556.
        var result = Backtest.Run(Market(3, _ => 1.0), EthLeveraged(TestSettings.Leverage()), 100);

        Assert.Equal(999.97, result.FinalPositions["aave_v3:aToken:aweETH"], 9);
        Assert.Equal(899.973, result.FinalPositions["aave_v3:debtToken:debtWETH"], 9);
        Assert.Equal(0, result.FinalPositions.GetValueOrDefault("wallet:BaseToken:ETH"), 9);
        Assert.Equal(99.997, result.Summary.FinalEquity, 9);
        Assert.Equal(0.95 / 0.9, result.Summary.MinHealthFactor!.Value, 9);
        Assert.Equal(0.9, result.Summary.MaxLtv, 9);

        var steps = result.Events.Select(e => e.GetType().Name).ToList();
        Assert.Equal(["RebalanceEvent", "FlashLoanEvent", "StakeEvent", "SupplyEvent", "BorrowEvent", "FlashLoanEvent", "AtomicGroupEvent"], steps);
        Assert.Equal("executed", result.Events.OfType<AtomicGroupEvent>().Single().Status);
    }

    [Fact]
    public void With_constant_rates_the_equity_earns_staking_less_borrow_times_leverage()
    {
        // Closed form (y − bλ)/(1 − λ): weETH rate grows at y = ln 1.04 a year, WETH debt at b = ln 1.026; λ = 0.9:
        // (0.039221 − 0.9 × 0.025668)/0.1 = 16.12% a year. Over 30 days the LTV drifts from 0.9 to 0.8988, inside the
        // band, so nothing is rebalanced; the only difference is the 0.003 ETH of entry gas.
        double y = Math.Log(1.04), b = Math.Log(1.026);
        var market = Market(721, h => Math.Exp(y * h / 8760), h => Math.Exp(b * h / 8760));

        var result = Backtest.Run(market, EthLeveraged(TestSettings.Leverage()), 100);

        var closedForm = (y - (b * 0.9)) / (1 - 0.9);
        var years = 720.0 / 8760;
        var apr = Math.Log(result.Summary.FinalEquity / 99.997) / years;
        Assert.Equal(closedForm, apr, 3);
        Assert.Equal(0, result.Summary.Rebalances);
        Assert.True(result.Source(AttributionSource.StakingYield) > 0);
        Assert.True(result.Source(AttributionSource.BorrowCost) < 0);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-9);
    }

    [Fact]
    public void Below_hf_1_aave_liquidates_half_the_debt_and_keeps_the_bonus()
    {
        // Risk management off. The weETH rate drops 6% at hour 2: HF = 1.05556 × 0.94 = 0.99222 < 1 (≥ 0.95, so the
        // close factor is 50%). A liquidator repays R = 0.5 × 899.973 = 449.9865 WETH and seizes R × 1.01 =
        // 454.486365 ETH of weETH; the 1% bonus, 4.499865 ETH, is the loss.
        var result = Backtest.Run(Market(4, h => h < 2 ? 1.0 : 0.94), EthLeveraged(TestSettings.Leverage(), riskManagement: false), 100);

        Assert.Equal(1, result.Summary.Liquidations);
        Assert.Equal(-449.9865 * 0.01, result.Source(AttributionSource.Liquidation), 9);
        Assert.Equal(449.9865, result.FinalPositions["aave_v3:debtToken:debtWETH"], 9);
        Assert.Equal((999.97 * 0.94 - 454.486365) / 0.94, result.FinalPositions["aave_v3:aToken:aweETH"], 6);
        var liquidation = result.Events.OfType<LiquidationEvent>().Single();
        Assert.Equal(0.95 / 0.9 * 0.94, liquidation.MarginRatio, 9);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-9);
    }

    [Fact]
    public void Below_hf_095_the_whole_debt_is_closeable_and_an_underwater_loop_loses_all_its_collateral_and_no_more()
    {
        // A 12% drop: HF = 1.05556 × 0.88 = 0.92889 < 0.95, so the close factor is 100%. In eMode that means the
        // collateral (999.97 × 0.88 = 879.9736 ETH) is worth less than the debt plus bonus, so the liquidator takes
        // all of it for R = 879.9736 / 1.01 = 871.2610 WETH of debt; the bonus lost is 8.712610 ETH. The
        // 899.973 − 871.2610 = 28.7120 WETH of debt left has no collateral behind it: bad debt, written off, so the
        // equity ends at 0 (the 99.997 ETH loop lost 0.12 × 999.97 = 119.9964 ETH of value; 119.9964 − 8.712610 −
        // 28.7120 = 99.997 ETH is what the account lost).
        var result = Backtest.Run(Market(4, h => h < 2 ? 1.0 : 0.88), EthLeveraged(TestSettings.Leverage(), riskManagement: false), 100);

        var repaid = 999.97 * 0.88 / 1.01;
        var badDebt = 899.973 - repaid;
        Assert.Equal((-repaid * 0.01) + badDebt, result.Source(AttributionSource.Liquidation), 9);
        Assert.Equal(0, result.FinalPositions.GetValueOrDefault("aave_v3:aToken:aweETH"));
        Assert.Equal(0, result.FinalPositions.GetValueOrDefault("aave_v3:debtToken:debtWETH"));
        Assert.Equal(badDebt, result.Summary.BadDebt, 9);
        Assert.Equal(0, result.Summary.FinalEquity, 9);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-9);
    }

    [Fact]
    public void A_shock_that_wipes_out_the_loop_floors_its_equity_at_zero_and_reports_the_bad_debt()
    {
        // No gas, λ = 0.93: 0.7 ETH becomes 10 weETH supplied at rate 1.0 against 9.3 WETH of debt (HF = 9.5/9.3 = 1.0215).
        // At hour 2 the rate halves: collateral 5 ETH, HF = 5 × 0.95 / 9.3 = 0.5108 < 0.95, so the whole debt may be
        // repaid, but the liquidator can only repay 5 / 1.01 = 4.950495 WETH for all 5 ETH of collateral (0.049505 ETH
        // bonus). The 9.3 − 4.950495 = 4.349505 WETH left is bad debt: written off. Equity goes 0.7 → 0, not to
        // 5 − 9.3 − 0.049505 = −4.349505 ETH (−621% of the capital): staking_yield −5, liquidation −0.049505 + 4.349505 = +4.3.
        var market = new SyntheticMarket(SyntheticMarket.Jan1, 4)
            .Gas(0)
            .Oracle("oracle/aave/ETH-USD", _ => 3_000)
            .Lst("weETH", h => h < 2 ? 1.0 : 0.5)
            .Aave("weETH", _ => 1.0, _ => 1.0)
            .Aave("WETH", _ => 1.0, _ => 1.0);

        var result = Backtest.Run(market, EthLeveraged(TestSettings.Leverage(targetLtv: 0.93, floor: 1.02), riskManagement: false), 0.7);

        Assert.Equal(10, result.Timeseries[1, result.Timeseries.IndexOf("aave_v3:aToken:aweETH")], 9);
        Assert.Equal(9.3, result.Timeseries[1, result.Timeseries.IndexOf("aave_v3:debtToken:debtWETH")], 9);
        Assert.Equal(5 * 0.95 / 9.3, result.Summary.MinHealthFactor!.Value, 9);
        Assert.Equal(-5, result.Source(AttributionSource.StakingYield), 9);
        Assert.Equal(4.3, result.Source(AttributionSource.Liquidation), 9);
        Assert.Equal(9.3 - (5 / 1.01), result.Summary.BadDebt, 9);
        var writeOff = result.Events.OfType<BadDebtEvent>().Single();
        Assert.Equal("aave_v3:debtToken:debtWETH", writeOff.Instrument);
        Assert.Equal(9.3 - (5 / 1.01), writeOff.Amount, 9);
        Assert.Equal((9.3 - (5 / 1.01)) * 3_000, writeOff.ValueUsd, 6);
        Assert.Equal([0.7, 0.7, 0, 0], result.Timeseries.Column("equity").Select(e => Math.Round(e, 12)));
        Assert.Equal(1, result.Summary.MaxDrawdown, 12);
        Assert.Equal(-1, result.Summary.TotalReturn, 12);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-12);
    }

    [Fact]
    public void A_falling_collateral_is_deleveraged_before_liquidation()
    {
        // The rate falls 1% an hour for 6 hours. With a band of 0.01 a deleverage back to 0.9 happens above LTV 0.91:
        // one drop takes LTV to 0.9/0.99 = 0.9091, two to 0.9183, so every second hour (2, 4, 6) weETH is sold on the
        // DEX to repay debt; HF never reaches 1.
        var result = Backtest.Run(Market(8, h => Math.Pow(0.99, Math.Min(h, 6))), EthLeveraged(TestSettings.Leverage(band: 0.01)), 100);

        Assert.Equal(0, result.Summary.Liquidations);
        var deleverages = result.Events.OfType<AtomicGroupEvent>().Where(g => g.Name == "deleverage").ToList();
        Assert.Equal([2, 4, 6], deleverages.Select(g => g.Time.Hour));
        Assert.All(deleverages, g => Assert.Equal("executed", g.Status));
        Assert.True(result.Summary.MinHealthFactor > 1.04, $"min HF {result.Summary.MinHealthFactor}");
        Assert.Equal(0.9, result.Timeseries[7, result.Timeseries.IndexOf("ltv")], 6);
        Assert.True(result.Source(AttributionSource.TradingFees) < 0, "the DEX pool fee of each sale");
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-9);
    }

    [Fact]
    public void A_group_that_would_leave_hf_below_the_floor_is_rejected_and_nothing_is_applied()
    {
        // λ = 0.93 gives HF = 0.95/0.93 = 1.0215 after entry, below a floor of 1.03: the group is rolled back, no
        // gas is paid and the 100 ETH stay in the wallet. The idle ETH is offered to the loop again each hour, and
        // each attempt is rejected and logged.
        var result = Backtest.Run(Market(3, _ => 1.0), EthLeveraged(TestSettings.Leverage(targetLtv: 0.93, floor: 1.03)), 100);

        var groups = result.Events.OfType<AtomicGroupEvent>().ToList();
        Assert.Equal(3, groups.Count);
        Assert.All(groups, g => Assert.Equal("rejected", g.Status));
        Assert.Contains("below the floor 1.0300", groups[0].Reason, StringComparison.Ordinal);
        Assert.Equal(100, result.FinalPositions["wallet:BaseToken:ETH"]);
        Assert.DoesNotContain(result.Events, e => e is StakeEvent or SupplyEvent or BorrowEvent or FlashLoanEvent);
        Assert.Equal(100, result.Summary.FinalEquity);
    }
}
