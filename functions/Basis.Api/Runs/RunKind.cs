using Basis.Data.Results;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Sweeps;

namespace Basis.Api.Runs;

/// <summary>What can be run: its name in records and URLs, its id prefix, its orchestration and the artefact that is its result.</summary>
public sealed record RunKind(string Name, string IdPrefix, string Orchestrator, string ResultArtefact)
{
    public static readonly RunKind Backtest = new("backtest", "bt", BacktestOrchestrator.Name, ResultFiles.Summary);

    public static readonly RunKind Sweep = new("sweep", "sw", SweepOrchestrator.Name, SweepOrchestrator.RankingArtefact);

    /// <summary>The kind of a record or an orchestration by name; null for anything else.</summary>
    public static RunKind? Named(string? name) =>
        string.Equals(name, Backtest.Name, StringComparison.Ordinal) || string.Equals(name, Backtest.Orchestrator, StringComparison.OrdinalIgnoreCase) ? Backtest
        : string.Equals(name, Sweep.Name, StringComparison.Ordinal) || string.Equals(name, Sweep.Orchestrator, StringComparison.OrdinalIgnoreCase) ? Sweep
        : null;
}
