using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Stress;
using Basis.Core.Tests.Support;

namespace Basis.Core.Tests.Stress;

public sealed class StressScenarioTests
{
    private static readonly DateTime Start = SyntheticMarket.Jan1;

    private static ModeSettings EthLeveraged(bool riskManagement) =>
        TestSettings.Mode("eth_leveraged", ShareClass.Eth, new LeveragedStakingParameters(
            new LeverageParameters(LstToken.WeEth, 0.93 * (1 - 0.0225), 0.0225, 0.02, 1.02), 0.02, riskManagement, new SeasonalRewardsParameters(false, false, 0.002)));

    private static SyntheticMarket LeverageMarket(int hours) => new SyntheticMarket(Start, hours)
        .Gas(10)
        .Oracle("oracle/aave/ETH-USD", _ => 3_000)
        .Lst("weETH", _ => 1.06)
        .Aave("weETH", _ => 1.0, _ => 1.0)
        .Aave("WETH", _ => 1.0, _ => 1.0);

    private static readonly MarketShock DepegOverADay = new LstDepegShock(LstToken.WeEth, 0.05, Start.AddHours(24), 24);

    [Fact]
    public void A_five_percent_weeth_depeg_over_a_day_is_deleveraged_and_survived_with_risk_management()
    {
        // λ = 0.909 (HF 1.045). As the discount ramps 0.21% an hour, LTV crosses the band's top (0.929) about every
        // 11 hours and the loop is deleveraged back to λ, selling weETH at the depegged market rate. HF stays above 1.
        var result = Backtest.Run(LeverageMarket(72), EthLeveraged(riskManagement: true), 100, shocks: [DepegOverADay]);

        Assert.Equal(0, result.Summary.Liquidations);
        Assert.True(result.Summary.MinHealthFactor > 1, $"min HF {result.Summary.MinHealthFactor}");
        Assert.Contains(result.Events, e => e is AtomicGroupEvent { Name: "deleverage", Status: "executed" });
        Assert.True(result.Source(AttributionSource.Price) < 0, "the depeg is a price loss");
        Assert.Equal(0, result.Source(AttributionSource.StakingYield), 12);
        Assert.Equal(["weETH depegs 5% from 2025-01-02T00:00Z over 24 h, then holds"], result.Summary.Scenario);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-9);
    }

    [Fact]
    public void The_same_depeg_without_risk_management_is_liquidated_and_the_loss_attributed()
    {
        // Held at λ = 0.909 the 5% discount takes HF to 1.045 × 0.95 = 0.993 < 1: AAVE liquidates half the debt and
        // keeps its 1% bonus, booked to liquidation.
        var result = Backtest.Run(LeverageMarket(72), EthLeveraged(riskManagement: false), 100, shocks: [DepegOverADay]);

        Assert.True(result.Summary.Liquidations > 0);
        Assert.True(result.Source(AttributionSource.Liquidation) < 0);
        Assert.True(result.Summary.MinHealthFactor < 1);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-9);

        var managed = Backtest.Run(LeverageMarket(72), EthLeveraged(riskManagement: true), 100, shocks: [DepegOverADay]);
        Assert.True(managed.Summary.FinalEquity > result.Summary.FinalEquity, "deleveraging in time must lose less than being liquidated");
    }

    [Fact]
    public void A_market_only_depeg_leaves_the_health_factor_alone_and_is_paid_only_on_exit()
    {
        // oracle=false: AAVE's exchange-rate oracle ignores the discount, so HF stays at LT/λ and nothing is
        // deleveraged or liquidated; valued at the oracle rate, equity does not move either.
        var shock = new LstDepegShock(LstToken.WeEth, 0.05, Start.AddHours(24), 24, MovesOracle: false);
        var result = Backtest.Run(LeverageMarket(72), EthLeveraged(riskManagement: true), 100, shocks: [shock]);

        Assert.Equal(0.95 / (0.93 * (1 - 0.0225)), result.Summary.MinHealthFactor!.Value, 9);
        Assert.DoesNotContain(result.Events, e => e is AtomicGroupEvent { Name: "deleverage" });
        Assert.Equal(0, result.Source(AttributionSource.Price), 9);
        Assert.EndsWith("(DEX market rate only)", result.Summary.Scenario[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Flipped_funding_makes_a_basis_trade_pay()
    {
        var mode = TestSettings.Mode("eth_basis", ShareClass.Usdt, new BasisParameters(Asset.Eth, Venue.Bybit, HedgeAllocation.Default, 0.25, 0.15, 0.4, 0.02, 0.02), ethPrice: "spot/bybit/ETHUSDT");
        var market = new SyntheticMarket(Start, 48).Gas(10).Bars("spot/bybit/ETHUSDT", _ => 3_000);
        foreach (var venue in new[] { "binance", "bybit", "okx" })
        {
            market.Bars($"perp/{venue}/ETHUSDT", _ => 3_000).Funding($"funding/{venue}/ETHUSDT", 0.0001);
        }

        var normal = Backtest.Run(market, mode, 100_000);
        var flipped = Backtest.Run(market, mode, 100_000, shocks: [new FundingShock(Start, 48, null)]);

        Assert.Equal(normal.Summary.FundingReceived, -flipped.Summary.FundingReceived, 9);
        Assert.True(flipped.Summary.FundingReceived < 0);
    }

    [Fact]
    public void A_borrow_rate_spike_raises_the_loops_borrow_cost_by_the_extra_rate()
    {
        // +50% APR on ~909 WETH of debt for 24 hours: ≈ 909 × (1 + 0.5/8760)^24 − 909 = 1.2462 ETH more interest.
        var market = LeverageMarket(48);
        var calm = Backtest.Run(market, EthLeveraged(riskManagement: false), 100);
        var spiked = Backtest.Run(market, EthLeveraged(riskManagement: false), 100, shocks: [new BorrowRateShock("WETH", 0.5, Start.AddHours(10), 24)]);

        var debt = calm.FinalPositions["aave_v3:debtToken:debtWETH"];
        var extra = debt * (Math.Pow(1 + (0.5 / 8760), 24) - 1);
        Assert.Equal(calm.Source(AttributionSource.BorrowCost) - extra, spiked.Source(AttributionSource.BorrowCost), 9);
    }

    [Fact]
    public void An_eth_drop_moves_spot_perps_and_oracle_together()
    {
        var mode = TestSettings.Mode("eth_basis", ShareClass.Usdt, new BasisParameters(Asset.Eth, Venue.Bybit, HedgeAllocation.Default, 0.25, 0.15, 0.4, 0.02, 0.02), ethPrice: "spot/bybit/ETHUSDT");
        var market = new SyntheticMarket(Start, 12).Gas(10).Bars("spot/bybit/ETHUSDT", _ => 3_000);
        foreach (var venue in new[] { "binance", "bybit", "okx" })
        {
            market.Bars($"perp/{venue}/ETHUSDT", _ => 3_000).Funding($"funding/{venue}/ETHUSDT", 0);
        }

        var result = Backtest.Run(market, mode, 100_000, shocks: [new PriceShock(Asset.Eth, -0.15, Start.AddHours(6))]);

        Assert.Equal(0, result.Source(AttributionSource.Basis), 9);
        // The hedge cancels the drop; what is left is the 0.003 ETH of gas fronted at entry, short ETH: +0.003 × 450.
        Assert.Equal(0.003 * 450, result.Source(AttributionSource.Price), 6);
        Assert.Contains(result.Events, e => e is RebalanceEvent { Reason: var r } && r.Contains("above the excess threshold", StringComparison.Ordinal));
    }

    [Fact]
    public void A_shock_outside_the_run_is_refused_naming_it()
    {
        var shock = new PriceShock(Asset.Eth, -0.1, Start.AddDays(30));

        var error = Assert.Throws<StressScenarioException>(() => Backtest.Run(LeverageMarket(24), EthLeveraged(true), 100, shocks: [shock]));

        Assert.Contains("ETH -10% at 2025-01-31T00:00Z", error.Message, StringComparison.Ordinal);
    }
}
