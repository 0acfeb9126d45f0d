using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Tests.Support;

namespace Basis.Core.Tests.Simulation;

public sealed class HedgedWorkedExampleTests
{
    private static readonly VenueSettings NoTradingCosts = TestSettings.Venues(perpTakerBps: 0, spotTakerBps: 0, withdrawalFee: 0, lstPoolFeeBps: 0);

    private static ModeSettings Hedged(LeverageParameters? leverage = null, double topUp = 0.5, double excess = 2.0) =>
        TestSettings.Mode(leverage is null ? "usdt_eth_staking_hedged_simple" : "usdt_eth_staking_hedged_leveraged", ShareClass.Usdt,
            new HedgedStakingParameters(LstToken.WeEth, 0.5, HedgeAllocation.Default, 0.02, topUp, excess, 0.02, leverage, RiskManagement: true),
            ethPrice: "spot/bybit/ETHUSDT");

    private static SyntheticMarket Market(int hours, Func<int, double> eth, Func<int, double>? lstRate = null, double fundingRate = 0)
    {
        var market = new SyntheticMarket(SyntheticMarket.Jan1, hours)
            .Gas(10)
            .Bars("spot/bybit/ETHUSDT", eth)
            .Lst("weETH", lstRate ?? (_ => 1.0))
            .Aave("weETH", _ => 1.0, _ => 1.0)
            .Aave("WETH", _ => 1.0, _ => 1.0);
        foreach (var venue in new[] { "binance", "bybit", "okx" })
        {
            market.Bars($"perp/{venue}/ETHUSDT", eth).Funding($"funding/{venue}/ETHUSDT", fundingRate);
        }

        return market;
    }

    private static double Shorts(Backtest.Result result) => new[] { "binance", "bybit", "okx" }.Sum(v => result.Positions.GetValueOrDefault($"{v}:Perp:ETHUSDT"));

    [Fact]
    public void Entry_stakes_half_the_equity_and_shorts_the_net_on_chain_eth()
    {
        // 100,000 USDT, s = 0.5, ETH 3,000: buy 16.666667 ETH on the DEX and stake it at rate 1. Gas for the swap and
        // the stake (0.002 ETH) is fronted from the wallet, so the net on-chain ETH is 16.664667 and the shorts
        // are −16.664667 split 0.4 / 0.3 / 0.3. The other 50,000 USDT become margin (20,000 / 15,000 / 15,000).
        var result = Backtest.Wrap(Backtest.Run(Market(2, _ => 3_000), Hedged(), 100_000, NoTradingCosts));

        Assert.Equal(100_000 * 0.5 / 3_000, result.Positions["etherfi:LST:weETH"], 9);
        Assert.Equal(-(16.666666666666668 - 0.002), Shorts(result), 9);
        Assert.Equal(-(16.666666666666668 - 0.002) * 0.4, result.Positions["binance:Perp:ETHUSDT"], 9);
        Assert.Equal(20_000, result.Positions["binance:BaseToken:USDT"], 6);
        Assert.Equal(15_000, result.Positions["okx:BaseToken:USDT"], 6);
    }

    [Fact]
    public void A_price_move_is_hedged_away()
    {
        // ETH +10% then −5%: the staked ETH and the shorts cancel; only the 0.005 ETH of gas fronted at entry (swap,
        // stake and three transfers) is unhedged by the 0.003 ETH the shorts do not cover.
        var result = Backtest.Run(Market(4, h => h switch { 0 => 3_000, 1 => 3_300, _ => 3_135 }), Hedged(), 100_000, NoTradingCosts);

        Assert.True(Math.Abs(result.Source(AttributionSource.Price)) < 1, $"price {result.Source(AttributionSource.Price)}");
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-6);
    }

    [Fact]
    public void A_rally_that_drains_margin_sells_staked_eth_and_shorts_together_to_top_it_up()
    {
        // ETH +40% in one hour: each venue's margin ratio becomes (1 − 0.4) / (1 + 0.4) = 0.43 < 0.5. The on-chain
        // leg is worth 0.7 of equity, above its 0.5 target: weETH is sold on the DEX, the ETH sold for USDT, the
        // shorts cut to the new net ETH, and the USDT sent to the venues, which end back at a ratio of ~1.
        var result = Backtest.Run(Market(4, h => h == 0 ? 3_000 : 4_200), Hedged(), 100_000, NoTradingCosts);

        var rebalance = Assert.Single(result.Events.OfType<RebalanceEvent>(), e => e.Action != StrategyActions.EntryFull);
        Assert.Contains("below the top-up threshold", rebalance.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Events, e => e is SwapEvent { From: "etherfi:LST:weETH" });
        var last = result.Timeseries.Grid.Hours - 1;
        foreach (var venue in new[] { "binance", "bybit", "okx" })
        {
            Assert.Equal(1.0, result.Timeseries[last, result.Timeseries.IndexOf($"margin_ratio_{venue}_ETHUSDT")], 2);
        }

        Assert.True(Math.Abs(result.Timeseries[last, result.Timeseries.IndexOf("net_delta")]) < 0.01);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-6);
    }

    [Fact]
    public void The_leveraged_variant_shorts_the_net_of_collateral_and_debt()
    {
        // 16.666667 ETH go into the loop at λ = 0.9 (collateral ≈ 10×, debt ≈ 9×). The shorts cover the net on-chain
        // ETH — collateral − debt plus the wallet's −0.004 ETH of fronted gas (swap, and the group's three
        // operations) — not the collateral. Three margin transfers then cost another 0.003 ETH, under the drift.
        var result = Backtest.Wrap(Backtest.Run(Market(2, _ => 3_000), Hedged(TestSettings.Leverage()), 100_000, NoTradingCosts));

        var collateral = result.Positions["aave_v3:aToken:aweETH"];
        var debt = result.Positions["aave_v3:debtToken:debtWETH"];
        Assert.Equal(0.9, debt / collateral, 9);
        var walletWhenHedged = result.Positions["wallet:BaseToken:ETH"] + 0.003;
        Assert.Equal(-0.004, walletWhenHedged, 12);
        Assert.Equal(-(collateral - debt + walletWhenHedged), Shorts(result), 9);
        Assert.InRange(collateral - debt, 16.6, 16.7);
    }

    [Fact]
    public void Staking_and_funding_both_pay_a_hedged_book()
    {
        var result = Backtest.Run(Market(48, _ => 3_000, h => 1.05 * Math.Exp(0.03 * h / 8760), fundingRate: 0.0001), Hedged(TestSettings.Leverage()), 100_000, NoTradingCosts);

        Assert.True(result.Source(AttributionSource.StakingYield) > 0);
        Assert.True(result.Source(AttributionSource.Funding) > 0);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-6);
    }
}
