using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Stress;
using Basis.Core.Tests.Support;
using Basis.Core.Time;

namespace Basis.Core.Tests.Simulation;

/// <summary>
/// A run cut into segments, each resumed from the previous one's checkpoint bytes with a fresh strategy and market,
/// gives bit for bit the result of one uninterrupted run; so does a run extended an hour at a time on a growing grid,
/// as a live instance runs.
/// </summary>
public sealed class SegmentedRunTests
{
    private static readonly DateTime Start = SyntheticMarket.Jan1;

    [Fact]
    public void Staking_with_a_reward_period_spanning_segments_pays_the_same_rewards()
    {
        // The EIGEN payout at hour 48 weighs the eETH held over hours [0, 48), which the checkpoints at hours 1 and 30 carry.
        var mode = TestSettings.Mode("eth_staking_only", ShareClass.Eth, new StakingParameters(LstToken.WeEth, 0.02, new SeasonalRewardsParameters(true, false, 0.0005)));
        var market = new SyntheticMarket(Start, 72)
            .Gas(10)
            .Oracle("oracle/aave/ETH-USD", h => 3_000 + (50 * Math.Sin(h)))
            .Lst("weETH", h => 1.04 + (0.00001 * h))
            .Bars("spot/uniswap/EIGENWETH", _ => 0.01)
            .Bars("spot/uniswap/ETHFIWETH", _ => 0.005);
        market.Rows(new SeriesData(SeriesId.Parse("rewards/etherfi/EIGEN"), [UnixTime.ToSeconds(Start.AddHours(48))],
            [[UnixTime.ToSeconds(Start.AddHours(-48))], [UnixTime.ToSeconds(Start.AddHours(48))], [0.2], [0]]));
        market.Rows(SeriesData.Empty(SeriesId.Parse("rewards/etherfi/ETHFI")));

        var whole = Backtest.Run(market, mode, 100);
        var segmented = Backtest.Segmented(market, mode, 100, [1, 30, 48, 49, 72]);

        Assert.Contains(whole.Events, e => e is Events.RewardEvent);
        SameResult.Assert(whole, segmented);
        var strategy = StrategyCatalog.Create(mode);
        var live = Assert.Throws<NotSupportedException>(() => BacktestSimulation.Start(Backtest.Spec(market, mode, 100) with { OpenEnded = true }, strategy, Backtest.Data(market, mode, strategy)));
        Assert.Contains("seasonal rewards are not supported in an open-ended (live) run yet", live.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void A_leverage_loop_is_deleveraged_liquidated_or_relevered_the_same_way(bool riskManagement, bool depeg)
    {
        // Without the depeg the rising weETH rate drags LTV under the band and the loop is re-levered in a later
        // segment, which must not pay the one-time approval and eMode gas that the entry paid.
        var mode = TestSettings.Mode("eth_leveraged", ShareClass.Eth, new LeveragedStakingParameters(
            new LeverageParameters(LstToken.WeEth, 0.93 * (1 - 0.0225), 0.0225, 0.02, 1.02), 0.02, riskManagement, new SeasonalRewardsParameters(false, false, 0.002)));
        var market = new SyntheticMarket(Start, 72)
            .Gas(10)
            .Oracle("oracle/aave/ETH-USD", _ => 3_000)
            .Lst("weETH", h => 1.06 + ((depeg ? 0.00002 : 0.0008) * h))
            .Aave("weETH", h => 1.0 + (0.00001 * h), _ => 1.0)
            .Aave("WETH", h => 1.0 + (0.000005 * h), h => 1.0 + (0.00002 * h));
        MarketShock[] shocks = depeg ? [new LstDepegShock(LstToken.WeEth, 0.05, Start.AddHours(24), 24)] : [];

        var whole = Backtest.Run(market, mode, 100, shocks: shocks);
        var segmented = Backtest.Segmented(market, mode, 100, [1, 25, 26, 40, 72], shocks: shocks);

        Assert.True(whole.Summary.Rebalances + whole.Summary.Liquidations > 0);
        Assert.True(depeg || whole.Events.Any(e => e is Events.AtomicGroupEvent { Name: "relever", Status: "executed" }), "no relever");
        SameResult.Assert(whole, segmented);
        SameResult.Assert(whole, Backtest.Extended(market, mode, 100, shocks: shocks));
    }

    [Fact]
    public void A_basis_trade_with_deposits_and_withdrawals_rebalances_the_same_way()
    {
        var mode = TestSettings.Mode("eth_basis", ShareClass.Usdt,
            new BasisParameters(Asset.Eth, Venue.Bybit, HedgeAllocation.Default, 0.25, 0.15, 0.40, 0.02, 0.005), ethPrice: "spot/bybit/ETHUSDT");
        // The perp–spot spread swings ±1%, moving equity past the 0.5% deviation threshold since the last rebalance.
        static double Spot(int h) => 3_000 * (1 + (0.05 * Math.Sin(h / 7.0)));
        var market = new SyntheticMarket(Start, 96).Gas(10).Bars("spot/bybit/ETHUSDT", Spot);
        foreach (var venue in new[] { "binance", "bybit", "okx" })
        {
            market.Bars($"perp/{venue}/ETHUSDT", h => Spot(h) * (1 + (0.01 * Math.Sin(h / 5.0)))).Funding($"funding/{venue}/ETHUSDT", 0.0001);
        }

        CapitalFlow[] flows = [new(Start.AddHours(20), 50_000), new(Start.AddHours(60), -70_000)];
        var venues = TestSettings.Venues(slippageBps: 2);

        var whole = Backtest.Run(market, mode, 100_000, venues, flows);
        var segmented = Backtest.Segmented(market, mode, 100_000, [1, 20, 21, 59, 60, 96], venues, flows);

        Assert.True(whole.Summary.Rebalances > 2, $"{whole.Summary.Rebalances} rebalances");
        SameResult.Assert(whole, segmented);
        SameResult.Assert(whole, Backtest.Extended(market, mode, 100_000, venues, flows));
    }

    [Fact]
    public void A_checkpoint_of_another_run_is_refused_naming_both()
    {
        var mode = TestSettings.Mode("pure_lending_usdt", ShareClass.Usdt, new LendingParameters(Asset.Usdt, 0.02));
        var market = LendingMarket(48);
        var strategy = StrategyCatalog.Create(mode);
        var first = BacktestSimulation.Start(Backtest.Spec(market, mode, 1_000, runId: "first"), strategy, Backtest.Data(market, mode, strategy));
        first.RunUntil(24);
        var checkpoint = SimulationCheckpoint.FromBytes(first.Checkpoint().ToBytes());

        var other = StrategyCatalog.Create(mode);
        var error = Assert.Throws<ArgumentException>(() => BacktestSimulation.Resume(Backtest.Spec(market, mode, 1_000, runId: "second"), other, Backtest.Data(market, mode, other), checkpoint));

        Assert.StartsWith("The checkpoint was made for run 'first' of mode pure_lending_usdt: 48 hours from 2025-01-01T00:00:00Z", error.Message, StringComparison.Ordinal);
        Assert.Contains("not for this run (run 'second'", error.Message, StringComparison.Ordinal);
        Assert.Equal(24, checkpoint.NextHour);
    }

    [Fact]
    public void A_checkpoint_extends_only_a_grid_from_the_same_start_at_least_as_long()
    {
        var mode = TestSettings.Mode("pure_lending_usdt", ShareClass.Usdt, new LendingParameters(Asset.Usdt, 0.02));
        var market = LendingMarket(48);
        var strategy = StrategyCatalog.Create(mode);
        var first = BacktestSimulation.Start(Backtest.Spec(market, mode, 1_000), strategy, Backtest.Data(market, mode, strategy));
        first.RunUntil(24);
        var checkpoint = SimulationCheckpoint.FromBytes(first.Checkpoint().ToBytes());

        var shorter = new HourGrid(Start, Start.AddHours(30));
        var other = StrategyCatalog.Create(mode);
        var error = Assert.Throws<ArgumentException>(() => BacktestSimulation.Extend(
            Backtest.Spec(market, mode, 1_000) with { EndUtc = shorter.End }, other, market.Build(DataPlan.Requests(mode, other), shorter), checkpoint));

        Assert.Contains("which this run (run 'test' of mode pure_lending_usdt: 30 hours", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_that_are_not_a_whole_checkpoint_or_segment_are_refused()
    {
        var mode = TestSettings.Mode("pure_lending_usdt", ShareClass.Usdt, new LendingParameters(Asset.Usdt, 0.02));
        var market = LendingMarket(8);
        var strategy = StrategyCatalog.Create(mode);
        var simulation = BacktestSimulation.Start(Backtest.Spec(market, mode, 1_000), strategy, Backtest.Data(market, mode, strategy));
        var segment = simulation.RunUntil(4).ToBytes();
        var checkpoint = simulation.Checkpoint().ToBytes();

        Assert.Equal("The simulation checkpoint is truncated.", Assert.Throws<InvalidDataException>(() => SimulationCheckpoint.FromBytes(checkpoint.AsSpan(0, checkpoint.Length - 1))).Message);
        Assert.Equal("These bytes are not a simulation checkpoint.", Assert.Throws<InvalidDataException>(() => SimulationCheckpoint.FromBytes(segment)).Message);
        Assert.Equal("The simulation segment has 1 unexpected bytes at its end.", Assert.Throws<InvalidDataException>(() => SimulationSegment.FromBytes([.. segment, 0])).Message);
        checkpoint[1] = 99;
        Assert.Equal("The simulation checkpoint has format version 99; this engine reads version 1.", Assert.Throws<InvalidDataException>(() => SimulationCheckpoint.FromBytes(checkpoint)).Message);
    }

    [Fact]
    public void Assembling_needs_the_finished_run_and_every_segment_in_order()
    {
        var mode = TestSettings.Mode("pure_lending_usdt", ShareClass.Usdt, new LendingParameters(Asset.Usdt, 0.02));
        var market = LendingMarket(8);
        var strategy = StrategyCatalog.Create(mode);
        var spec = Backtest.Spec(market, mode, 1_000);
        var data = Backtest.Data(market, mode, strategy);
        var simulation = BacktestSimulation.Start(spec, strategy, data);
        var first = simulation.RunUntil(3);
        var halfway = simulation.Checkpoint();
        var second = simulation.RunUntil(8);
        var final = simulation.Checkpoint();

        var unfinished = Assert.Throws<ArgumentException>(() => BacktestSimulation.Assemble(spec, strategy, data, halfway, [first], TimeSpan.Zero));
        Assert.StartsWith("The final checkpoint is at hour 3 of 8", unfinished.Message, StringComparison.Ordinal);
        var gap = Assert.Throws<ArgumentException>(() => BacktestSimulation.Assemble(spec, strategy, data, final, [second], TimeSpan.Zero));
        Assert.StartsWith("The segments must cover the run's hours in order: expected one from hour 0", gap.Message, StringComparison.Ordinal);
        Assert.Equal(8, BacktestSimulation.Assemble(spec, strategy, data, final, [first, second], TimeSpan.Zero).Timeseries.Grid.Hours);
    }

    [Fact]
    public void A_simulation_that_failed_mid_hour_can_neither_continue_nor_be_checkpointed()
    {
        // Withdrawing 99.9 of the 99.999 ETH staked: selling every weETH on the DEX at a 0.2% discount raises ~99.79.
        var mode = TestSettings.Mode("eth_staking_only", ShareClass.Eth, new StakingParameters(LstToken.WeEth, 0.02, new SeasonalRewardsParameters(false, false, 0.002)));
        var market = new SyntheticMarket(Start, 10).Gas(10).Oracle("oracle/aave/ETH-USD", _ => 3_000).Lst("weETH", _ => 1.04, premium: -0.002);
        var strategy = StrategyCatalog.Create(mode);
        var spec = Backtest.Spec(market, mode, 100, flows: [new CapitalFlow(Start.AddHours(5), -99.9)]);
        var simulation = BacktestSimulation.Start(spec, strategy, Backtest.Data(market, mode, strategy));
        simulation.RunUntil(4);

        Assert.Throws<WithdrawalFailedException>(() => simulation.RunUntil(10));

        var error = Assert.Throws<InvalidOperationException>(simulation.Checkpoint);
        Assert.Equal("The simulation failed at hour 5 and cannot continue; resume from the last checkpoint taken before the failure.", error.Message);
        Assert.IsType<WithdrawalFailedException>(error.InnerException);
        Assert.Throws<InvalidOperationException>(() => simulation.RunUntil(10));
    }

    private static SyntheticMarket LendingMarket(int hours) => new SyntheticMarket(Start, hours)
        .Gas(10)
        .Oracle("oracle/aave/ETH-USD", _ => 3_000)
        .Aave("USDT", h => 1.0 + (0.00001 * h), _ => 1.0);
}
