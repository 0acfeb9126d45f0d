using Basis.Core.Market;
using Basis.Core.Results;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Stress;
using Basis.Core.Time;

namespace Basis.Core.Tests.Support;

/// <summary>Runs a mode over a synthetic market the way the host does: plan data, align it, simulate.</summary>
internal static class Backtest
{
    public static BacktestResult Run(SyntheticMarket market, ModeSettings mode, double capital, VenueSettings? venues = null, IReadOnlyList<CapitalFlow>? flows = null, IReadOnlyList<MarketShock>? shocks = null)
    {
        var spec = Spec(market, mode, capital, venues, flows, shocks);
        var strategy = StrategyCatalog.Create(mode);
        return BacktestEngine.Run(spec, strategy, Data(market, mode, strategy, shocks));
    }

    /// <summary>
    /// The same run cut into segments ending at <paramref name="ends"/>, as a durable orchestration runs it: each
    /// segment in a "fresh process" (a new strategy and market data built again), with only bytes passed between them.
    /// </summary>
    public static BacktestResult Segmented(SyntheticMarket market, ModeSettings mode, double capital, int[] ends, VenueSettings? venues = null, IReadOnlyList<CapitalFlow>? flows = null, IReadOnlyList<MarketShock>? shocks = null)
    {
        var spec = Spec(market, mode, capital, venues, flows, shocks);
        byte[]? checkpoint = null;
        var segments = new List<byte[]>();
        foreach (var end in ends)
        {
            var strategy = StrategyCatalog.Create(mode);
            var data = Data(market, mode, strategy, shocks);
            var simulation = checkpoint is null
                ? BacktestSimulation.Start(spec, strategy, data)
                : BacktestSimulation.Resume(spec, strategy, data, SimulationCheckpoint.FromBytes(checkpoint));
            segments.Add(simulation.RunUntil(end).ToBytes());
            checkpoint = simulation.Checkpoint().ToBytes();
        }

        var last = StrategyCatalog.Create(mode);
        return BacktestSimulation.Assemble(spec, last, Data(market, mode, last, shocks), SimulationCheckpoint.FromBytes(checkpoint ?? throw new ArgumentException("No segment ends.", nameof(ends))), [.. segments.Select(s => SimulationSegment.FromBytes(s))], TimeSpan.Zero);
    }

    /// <summary>
    /// The same run as a live instance makes it: one cycle an hour, each on a grid one hour longer holding only the
    /// hours seen so far (and the flows and shocks begun by then), continued from the previous cycle's checkpoint bytes
    /// with a fresh strategy.
    /// </summary>
    public static BacktestResult Extended(SyntheticMarket market, ModeSettings mode, double capital, VenueSettings? venues = null, IReadOnlyList<CapitalFlow>? flows = null, IReadOnlyList<MarketShock>? shocks = null)
    {
        byte[]? checkpoint = null;
        var segments = new List<SimulationSegment>();
        for (var hours = 1; hours <= market.Grid.Hours; hours++)
        {
            var grid = new HourGrid(market.Grid.Start, market.Grid.Start.AddHours(hours));
            var started = shocks?.Where(s => s.StartUtc < grid.End).ToList() ?? [];
            var spec = Spec(market, mode, capital, venues, flows?.Where(f => f.TimeUtc < grid.End).ToList(), started) with { EndUtc = grid.End, OpenEnded = flows is { Count: > 0 } };
            var strategy = StrategyCatalog.Create(mode);
            var data = StressScenario.Apply(market.Build(DataPlan.Requests(mode, strategy), grid), started);
            var simulation = checkpoint is null
                ? BacktestSimulation.Start(spec, strategy, data)
                : BacktestSimulation.Extend(spec, strategy, data, SimulationCheckpoint.FromBytes(checkpoint));
            segments.Add(SimulationSegment.FromBytes(simulation.RunUntil(hours).ToBytes()));
            checkpoint = simulation.Checkpoint().ToBytes();
        }

        var last = StrategyCatalog.Create(mode);
        var whole = Spec(market, mode, capital, venues, flows, shocks) with { OpenEnded = flows is { Count: > 0 } };
        return BacktestSimulation.Assemble(whole, last, Data(market, mode, last, shocks), SimulationCheckpoint.FromBytes(checkpoint!), segments, TimeSpan.Zero);
    }

    public static BacktestSpec Spec(SyntheticMarket market, ModeSettings mode, double capital, VenueSettings? venues = null, IReadOnlyList<CapitalFlow>? flows = null, IReadOnlyList<MarketShock>? shocks = null, string runId = "test") =>
        new(runId, mode, venues ?? TestSettings.Venues(), market.Grid.Start, market.Grid.End, capital, "hash", "synthetic", flows, shocks?.Select(s => s.Describe()).ToList());

    public static MarketData Data(SyntheticMarket market, ModeSettings mode, IStrategy strategy, IReadOnlyList<MarketShock>? shocks = null) =>
        StressScenario.Apply(market.Build(DataPlan.Requests(mode, strategy)), shocks ?? []);

    public static double Source(this BacktestResult result, AttributionSource source) => result.Summary.Attribution[source.Name()];

    public static Result Wrap(BacktestResult result) => new(result.FinalPositions);

    /// <summary>Final positions, with absent keys read as zero.</summary>
    public sealed record Result(IReadOnlyDictionary<string, double> Positions);
}
