using System.Text.Json;
using Basis.Configuration.Binding;
using Basis.Core.Events;
using Basis.Core.Market;
using Basis.Core.Results;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Stress;
using Basis.Core.Time;
using Basis.Data.Canonical;
using Basis.Data.Results;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.EndToEnd;

/// <summary>
/// Every mode of the sample configuration over the bundled sample, run once in one go and once as a durable
/// orchestration runs it: one activity per segment, each in a "fresh process" (a new strategy, the data loaded again),
/// with only checkpoint and segment bytes passed between them. The results must be the same to the bit.
/// </summary>
public sealed class SegmentedRunTests
{
    private static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    // Calendar months (Jan, Feb, Mar), and uneven cuts: one hour, then 1,000, then the rest.
    private static readonly int[] Monthly = [744, 1416, 2160];
    private static readonly int[] Uneven = [1, 1001, 2160];

    public static TheoryData<string, string[], string[], bool, int[]> Runs => new()
    {
        { "pure_lending_usdt", [], [], false, Monthly },
        { "pure_lending_eth", [], [], false, Monthly },
        { "eth_staking_only", [], [], false, Monthly },
        { "btc_basis", [], [], false, Monthly },
        { "eth_basis", [], [], false, Monthly },
        { "eth_leveraged", [], [], false, Monthly },
        { "usdt_eth_staking_hedged_simple", [], [], false, Monthly },
        { "usdt_eth_staking_hedged_leveraged", [], [], false, Monthly },
        { "eth_staking_only", ["seasonal_rewards.enabled=true"], [], true, Uneven },
        { "eth_leveraged", [], ["lst_depeg=0.05,at=2025-02-01,hours=24"], false, Uneven },
        { "eth_leveraged", ["risk_management=false"], ["lst_depeg=0.05,at=2025-02-01,hours=24"], false, Monthly },
        { "eth_basis", [], ["funding_flip=true,at=2025-02-01,hours=240", "eth_shock=-0.2,at=2025-03-01"], true, Uneven },
        { "usdt_eth_staking_hedged_leveraged", [], ["eth_shock=-0.2,at=2025-01-31T23:00Z"], true, Monthly },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public async Task A_run_in_segments_passing_only_bytes_gives_the_one_shot_result(string mode, string[] overrides, string[] stress, bool flows, int[] ends)
    {
        var resolved = BasisConfiguration.Load(Repository.Configs).ResolveMode(mode, overrides);
        var shocks = stress.Select(StressBinding.Parse).ToList();
        var capital = resolved.Settings.ShareClass == Core.Settings.ShareClass.Usdt ? 100_000 : 100;
        IReadOnlyList<CapitalFlow>? capitalFlows = flows ? [new(Start.AddDays(20), capital * 0.5), new(Start.AddDays(45).AddHours(7), -capital * 0.8)] : null;
        var spec = new BacktestSpec($"{mode}_segmented", resolved.Settings, resolved.Venues, Start, End, capital, resolved.ConfigHash, "sample", capitalFlows, shocks.Select(s => s.Describe()).ToList());

        async Task<(IStrategy, MarketData)> FreshProcess()
        {
            var strategy = StrategyCatalog.Create(resolved.Settings);
            var market = await MarketDataBuilder.BuildAsync(new HourGrid(Start, End), DataPlan.Requests(resolved.Settings, strategy), new LocalMarketDataSource(Repository.SampleData), TestContext.Current.CancellationToken);
            return (strategy, StressScenario.Apply(market, shocks));
        }

        var (oneShotStrategy, oneShotMarket) = await FreshProcess();
        var oneShot = BacktestEngine.Run(spec, oneShotStrategy, oneShotMarket);
        Assert.Equal(capitalFlows?.Count ?? 0, oneShot.Events.OfType<FlowEvent>().Count());
        Assert.True(oneShotStrategy.Rewards.Count == 0 || oneShot.Events.OfType<RewardEvent>().Any(), "no rewards paid");

        byte[]? checkpoint = null;
        var segments = new List<byte[]>();
        foreach (var end in ends)
        {
            var (strategy, market) = await FreshProcess();
            var simulation = checkpoint is null
                ? BacktestSimulation.Start(spec, strategy, market)
                : BacktestSimulation.Resume(spec, strategy, market, SimulationCheckpoint.FromBytes(checkpoint));
            segments.Add(simulation.RunUntil(end).ToBytes());
            checkpoint = simulation.Checkpoint().ToBytes();
            TestContext.Current.TestOutputHelper?.WriteLine($"{mode} hour {end}: checkpoint {checkpoint.Length:N0} bytes, segment {segments[^1].Length:N0} bytes");
        }

        var (lastStrategy, lastMarket) = await FreshProcess();
        var segmented = BacktestSimulation.Assemble(spec, lastStrategy, lastMarket, SimulationCheckpoint.FromBytes(checkpoint!), [.. segments.Select(s => SimulationSegment.FromBytes(s))], TimeSpan.Zero);

        Assert.Equal(Json(oneShot.Summary with { ElapsedMs = 0 }), Json(segmented.Summary with { ElapsedMs = 0 }));
        Assert.Equal(oneShot.Timeseries.Columns, segmented.Timeseries.Columns);
        for (var h = 0; h < oneShot.Timeseries.Grid.Hours; h++)
        {
            for (var c = 0; c < oneShot.Timeseries.Columns.Count; c++)
            {
                var (want, got) = (oneShot.Timeseries[h, c], segmented.Timeseries[h, c]);
                Assert.True(BitConverter.DoubleToInt64Bits(want) == BitConverter.DoubleToInt64Bits(got), $"hour {h}, {oneShot.Timeseries.Columns[c]}: {want:R} ≠ {got:R}");
            }
        }

        Assert.Equal(oneShot.Events, segmented.Events);
        Assert.Equal(oneShot.Events.Select(Json), segmented.Events.Select(Json));
        Assert.Equal(oneShot.FinalPositions.OrderBy(p => p.Key, StringComparer.Ordinal), segmented.FinalPositions.OrderBy(p => p.Key, StringComparer.Ordinal));
    }

    // The result files' own JSON: it would show a time that lost its UTC kind, which record equality does not.
    private static string Json<T>(T value) => JsonSerializer.Serialize(value, ResultJson.Compact);
}
