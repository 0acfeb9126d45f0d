using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Tests.Support;

namespace Basis.Core.Tests.Simulation;

public sealed class BasisWorkedExampleTests
{
    private static ModeSettings EthBasis(double marginFraction = 0.25, double topUp = 0.15, double excess = 0.40, double deviation = 0.02) =>
        TestSettings.Mode("eth_basis", ShareClass.Usdt,
            new BasisParameters(Asset.Eth, Venue.Bybit, HedgeAllocation.Default, marginFraction, topUp, excess, 0.02, deviation),
            ethPrice: "spot/bybit/ETHUSDT");

    private static SyntheticMarket Market(int hours, Func<int, double> spot, Func<int, double> mark, double fundingRate = 0)
    {
        var market = new SyntheticMarket(SyntheticMarket.Jan1, hours).Gas(10).Bars("spot/bybit/ETHUSDT", spot);
        foreach (var venue in new[] { "binance", "bybit", "okx" })
        {
            market.Bars($"perp/{venue}/ETHUSDT", mark).Funding($"funding/{venue}/ETHUSDT", fundingRate);
        }

        return market;
    }

    private static VenueSettings NoTradingCosts => TestSettings.Venues(perpTakerBps: 0, spotTakerBps: 0, withdrawalFee: 0);

    [Fact]
    public void Entry_reserves_margin_out_of_equity_and_splits_the_short_by_allocation()
    {
        // E = 100,000 USDT, m = 0.25: spot = 100,000 / 1.25 = 80,000 USDT = 26.6667 ETH at 3,000; margin 20,000
        // split 8,000 / 6,000 / 6,000; shorts −10.6667 / −8 / −8 ETH.
        var result = Backtest.Run(Market(2, _ => 3_000, _ => 3_000), EthBasis(), 100_000, NoTradingCosts);

        var positions = result.FinalPositions;
        Assert.Equal(80_000 / 3_000.0, positions["bybit:BaseToken:ETH"], 9);
        Assert.Equal(-80_000 / 3_000.0 * 0.4, positions["binance:Perp:ETHUSDT"], 9);
        Assert.Equal(-8, positions["okx:Perp:ETHUSDT"], 9);
        Assert.Equal(8_000, positions["binance:BaseToken:USDT"], 6);
        Assert.Equal(6_000, positions["okx:BaseToken:USDT"], 6);
        Assert.Equal(6_000, positions["bybit:BaseToken:USDT"], 6);
        Assert.Equal(0.25, result.Summary.MinMarginRatio!.Value, 9);
    }

    [Fact]
    public void Shorts_receive_funding_on_the_current_mark_notional()
    {
        // Short 26.6667 ETH in total. Funding +0.01% at hours 8 and 16 with the mark at 3,000 then 3,300:
        // 26.6667 × 3,000 × 0.0001 = 8.00 and 26.6667 × 3,300 × 0.0001 = 8.80 USDT. The mark at hour 0 (3,000)
        // is not used for the second payment: the original system paid funding on entry notional.
        var result = Backtest.Run(Market(24, h => h < 16 ? 3_000 : 3_300, h => h < 16 ? 3_000 : 3_300, 0.0001), EthBasis(excess: 10, topUp: 0.01, deviation: 1), 100_000, NoTradingCosts);

        Assert.Equal(16.8, result.Summary.FundingReceived, 9);
        var payments = result.Events.OfType<FundingEvent>().ToList();
        Assert.Equal(6, payments.Count);
        Assert.All(payments, p => Assert.True(p.PaymentUsdt > 0));
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-6);
    }

    [Fact]
    public void A_hedged_move_shows_no_price_pnl_and_a_spread_move_shows_as_basis()
    {
        // Hour 1: spot and mark both +100 → spot leg +2,666.67, shorts −2,666.67: they net to 0; only the
        // 0.003 ETH of gas fronted at entry (three wallet sends) moves with ETH: −0.003 × 100 = −0.30 USDT of price.
        // Hour 2: the mark alone rises 30 over spot → shorts lose 26.6667 × 30 = 800 USDT of basis.
        var result = Backtest.Run(
            Market(3, h => h == 0 ? 3_000 : 3_100, h => h switch { 0 => 3_000, 1 => 3_100, _ => 3_130 }),
            EthBasis(excess: 10, topUp: 0.01, deviation: 1),
            100_000,
            NoTradingCosts);

        Assert.Equal(-0.3, result.Source(AttributionSource.Price), 6);
        Assert.Equal(-800, result.Source(AttributionSource.Basis), 6);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-6);
    }

    [Fact]
    public void A_perp_venue_outage_takes_the_fallback_mark_at_once_and_the_equity_curve_does_not_jump()
    {
        // Binance's perp has no bars at hours 2–7 (Bybit stands in); ETH jumps from 3,000 to 3,300 at hour 4. Hour 2
        // still has Binance's hour-1 bar close; from hour 3 its forward-filled 3,000 is stale while Bybit's mark is
        // fresh, so Binance's short is marked at Bybit's 3,300 from hour 4 as the spot is. Marked at the stale 3,000
        // instead (as before), the 10.6667 ETH short would hide 3,200 USDT of loss at hours 4 and 5 and give it back at
        // hour 6. Now the only move is the 0.003 ETH of gas fronted at entry: −0.003 × 300 = −0.90 USDT at hour 4.
        var market = new SyntheticMarket(SyntheticMarket.Jan1, 12).Gas(10).Bars("spot/bybit/ETHUSDT", h => h < 4 ? 3_000 : 3_300);
        foreach (var venue in new[] { "binance", "bybit", "okx" })
        {
            market.Funding($"funding/{venue}/ETHUSDT", 0);
        }

        market.Bars("perp/bybit/ETHUSDT", h => h < 4 ? 3_000 : 3_300).Bars("perp/okx/ETHUSDT", h => h < 4 ? 3_000 : 3_300);
        market.Bars("perp/binance/ETHUSDT", h => h < 4 ? 3_000 : 3_300, missing: h => h is >= 2 and <= 7);
        var mode = EthBasis(excess: 10, topUp: 0.01, deviation: 1) with
        {
            DataFallbacks = new Dictionary<SeriesId, IReadOnlyList<SeriesId>> { [SeriesId.Parse("perp/binance/ETHUSDT")] = [SeriesId.Parse("perp/bybit/ETHUSDT")] },
        };

        var result = Backtest.Run(market, mode, 100_000, NoTradingCosts);

        var equity = result.Timeseries.Column("equity");
        Assert.Equal(-0.9, equity[4] - equity[3], 6);
        for (var h = 1; h < equity.Length; h++)
        {
            Assert.True(h == 4 || Math.Abs(equity[h] - equity[h - 1]) < 1e-6, $"equity moved {equity[h] - equity[h - 1]} at hour {h}");
        }

        // The drawdown is the entry's 0.003 ETH of gas (9 USDT) and those 0.90 USDT, not 3,200 USDT (3.2%).
        Assert.Equal(9.9 / 100_000, result.Summary.MaxDrawdown, 12);
        var binance = result.Summary.DataReport.Series.Single(s => s.Series == SeriesId.Parse("perp/binance/ETHUSDT"));
        Assert.Equal(5, binance.FallbackHours["perp/bybit/ETHUSDT"]);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-6);
    }

    [Fact]
    public void Trading_costs_are_the_fee_schedule_plus_slippage_on_each_fill()
    {
        // Spot taker 10 bps on 80,000 = 80; perp taker 5 bps on 80,000 of shorts = 40; slippage 2 bps on both
        // legs = 16 + 16. Withdrawal fees: none needed at entry (everything leaves the wallet on-chain: 3 gas sends).
        var venues = TestSettings.Venues(perpTakerBps: 5, spotTakerBps: 10, slippageBps: 2);
        var result = Backtest.Run(Market(2, _ => 3_000, _ => 3_000), EthBasis(), 100_000, venues);

        Assert.Equal(-120, result.Source(AttributionSource.TradingFees), 6);
        Assert.Equal(-32, result.Source(AttributionSource.Slippage), 6);
        Assert.Equal(-3 * 0.001 * 3_000, result.Source(AttributionSource.Gas), 9);
        Assert.Equal(4, result.Summary.Trades);
    }

    [Fact]
    public void A_rally_that_drains_margin_triggers_a_rebalance_back_to_the_target()
    {
        // ETH +10% in one hour: each short loses 10% of notional, margin ratio (0.25 − 0.10) / 1.10 = 0.136 < 0.15.
        // The strategy sells spot and tops up margin; afterwards every venue is back near m = 0.25.
        var result = Backtest.Run(Market(4, h => h == 0 ? 3_000 : 3_300, h => h == 0 ? 3_000 : 3_300), EthBasis(), 100_000, NoTradingCosts);

        var rebalance = Assert.Single(result.Events.OfType<RebalanceEvent>(), e => e.Action != StrategyActions.EntryFull);
        Assert.Contains("below the top-up threshold", rebalance.Reason, StringComparison.Ordinal);
        var last = result.Timeseries.Grid.Hours - 1;
        foreach (var venue in new[] { "binance", "bybit", "okx" })
        {
            Assert.Equal(0.25, result.Timeseries[last, result.Timeseries.IndexOf($"margin_ratio_{venue}_ETHUSDT")], 3);
        }

        Assert.Equal(0, result.Summary.Liquidations);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-6);
    }

    [Fact]
    public void A_short_below_maintenance_margin_is_liquidated_at_the_mark_with_a_fee_and_then_re_hedged()
    {
        // m = 0.05 and no rebalancing band: ETH +6% leaves margin (0.05 − 0.06) / 1.06 < 0.005 → every short is
        // closed at 3,180 and pays the 50 bps liquidation fee on its notional: 95,238.10 / 3,000 × 3,180 × 0.005.
        // The same hour the strategy sees the hedge gone and opens it again from the remaining equity.
        var result = Backtest.Run(
            Market(3, h => h == 0 ? 3_000 : 3_180, h => h == 0 ? 3_000 : 3_180),
            EthBasis(marginFraction: 0.05, topUp: -1, excess: 100, deviation: 100),
            100_000,
            NoTradingCosts);

        var units = 100_000 / 1.05 / 3_000;
        Assert.Equal(3, result.Summary.Liquidations);
        Assert.Equal(-units * 3_180 * 0.005, result.Source(AttributionSource.Liquidation), 6);
        Assert.Equal(3, result.Events.OfType<LiquidationEvent>().Count());
        var rehedge = Assert.Single(result.Events.OfType<RebalanceEvent>(), e => e.Action != StrategyActions.EntryFull);
        Assert.Contains("no short on binance (liquidated)", rehedge.Reason, StringComparison.Ordinal);
        Assert.True(result.FinalPositions["binance:Perp:ETHUSDT"] < 0);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-6);
    }

    [Fact]
    public void A_venue_pays_out_only_its_free_usdt_so_unrealised_profit_is_realised_by_closing_and_reopening_first()
    {
        // m = 0.1: Binance holds 40 % of the 9,090.91 margin, U = 3,636.36 USDT, behind a 12.1212 ETH short at 3,000.
        // ETH falls to 2,400 (margin ratio 0.375 > excess 0.3). Equity is E = 100,000 − 0.003 ETH of entry gas × 2,400;
        // the rebalance grows Binance's short to S = 0.4 E / 1.1 / 2,400 = 15.1504 ETH (added at the mark, so its
        // unrealised profit stays P = 12.1212 × 600 = 7,272.73) with a margin target T = 0.4 × 0.1 E / 1.1 = 3,636.10.
        // The surplus U + P − T exceeds the venue's USDT by P − T = 3,636.63, so a fraction (P − T) / P of the short is
        // bought back and sold again at the mark, realising exactly that. Binance then sends all its USDT and keeps
        // its target as unrealised profit: USDT 0, margin ratio T / (S × 2,400) = 0.1. Bybit, which paid for more spot
        // than its USDT, realises profit the same way, so no venue ends owing USDT.
        var result = Backtest.Run(Market(3, h => h == 0 ? 3_000 : 2_400, h => h == 0 ? 3_000 : 2_400), EthBasis(marginFraction: 0.1, topUp: 0.05, excess: 0.3), 100_000, NoTradingCosts);

        var equity = 100_000 - (0.003 * 2_400);
        var binanceShort = 0.4 * equity / 1.1 / 2_400;
        var profit = 0.4 * 100_000 / 1.1 / 3_000 * 600;
        var target = 0.4 * 0.1 * equity / 1.1;
        var realising = result.Events.OfType<TradeEvent>().Where(t => t.Reason.Contains("unrealised profit on binance", StringComparison.Ordinal)).ToList();
        Assert.Equal(["buy", "sell"], realising.Select(t => t.Side));
        Assert.All(realising, t => Assert.Equal(binanceShort * (profit - target) / profit, t.Quantity, 9));
        Assert.Equal(profit - target, realising[0].RealisedPnlUsd, 6);
        Assert.Equal(0, result.FinalPositions.GetValueOrDefault("binance:BaseToken:USDT"), 6);
        Assert.Equal(-binanceShort, result.FinalPositions["binance:Perp:ETHUSDT"], 9);
        var last = result.Timeseries.Grid.Hours - 1;
        Assert.Equal(0.1, result.Timeseries[last, result.Timeseries.IndexOf("margin_ratio_binance_ETHUSDT")], 9);
        Assert.All(result.FinalPositions.Where(p => p.Key.EndsWith(":BaseToken:USDT", StringComparison.Ordinal)), p => Assert.True(p.Value >= -1e-9, $"{p.Key} = {p.Value}"));
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-6);
    }
}
