using System.Diagnostics;
using System.Reflection;
using Basis.Core.Market;
using Basis.Core.Results;
using Basis.Core.Strategies;

namespace Basis.Core.Simulation;

/// <summary>
/// Runs a backtest in one go: a <see cref="BacktestSimulation"/> started, run over every hour as one segment and
/// assembled, which is the same code a run cut into segments goes through.
/// </summary>
public static class BacktestEngine
{
    /// <summary>The engine's version as built (package version and source revision).</summary>
    public static string Version { get; } =
        typeof(BacktestEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Runs a backtest over data already loaded for the spec's period.</summary>
    public static BacktestResult Run(BacktestSpec spec, IStrategy strategy, MarketData market, IProgress<BacktestProgress>? progress = null)
    {
        var started = Stopwatch.GetTimestamp();
        var simulation = BacktestSimulation.Start(spec, strategy, market);
        var segment = simulation.RunUntil(market.Grid.Hours, progress);
        var final = simulation.Checkpoint();
        return BacktestSimulation.Assemble(spec, strategy, market, final, [segment], Stopwatch.GetElapsedTime(started));
    }
}
