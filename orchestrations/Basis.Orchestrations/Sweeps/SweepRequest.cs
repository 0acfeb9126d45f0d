using Basis.Orchestrations.Backtests;

namespace Basis.Orchestrations.Sweeps;

/// <summary>
/// A grid of backtests: every combination of the override values in <see cref="Grid"/>, for every mode in
/// <see cref="Modes"/> and every period in <see cref="Periods"/> (each defaulting to the base request's), ranked by
/// one figure of their summaries.
/// </summary>
/// <param name="Base">What every run shares.</param>
/// <param name="Grid">Setting (<c>dotted.key</c>) → the values to try.</param>
/// <param name="Modes">Modes to run (default: the base request's).</param>
/// <param name="Periods">Periods to run (default: the base request's).</param>
/// <param name="RankBy">A numeric <c>summary.json</c> field, e.g. <c>sharpe</c>, <c>apy</c>, <c>max_drawdown</c>.</param>
/// <param name="Ascending">Rank the smallest first (default: the largest first).</param>
public sealed record SweepRequest(
    BacktestRequest Base,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Grid = null,
    IReadOnlyList<string>? Modes = null,
    IReadOnlyList<SweepPeriod>? Periods = null,
    string RankBy = "sharpe",
    bool Ascending = false);

/// <summary>A period of a sweep: <c>[StartUtc, EndUtc)</c>.</summary>
public sealed record SweepPeriod(DateTime StartUtc, DateTime EndUtc);

/// <summary>One run of a sweep: its place in the grid and the request it makes.</summary>
/// <param name="RunId">The child run's id: the sweep's id and the case's index.</param>
/// <param name="Parameters">What varies: <c>mode</c>, <c>start</c>/<c>end</c> and each grid setting, by name.</param>
/// <param name="Request">The backtest.</param>
public sealed record SweepCase(string RunId, IReadOnlyDictionary<string, string> Parameters, BacktestRequest Request);

/// <summary>A sweep's result: completed runs ranked by the chosen figure, then the runs that failed.</summary>
public sealed record SweepOutcome(string SweepId, string RankBy, bool Ascending, IReadOnlyList<SweepRank> Ranking, IReadOnlyList<SweepFailure> Failures);

/// <summary>A ranked run.</summary>
public sealed record SweepRank(int Rank, string RunId, IReadOnlyDictionary<string, string> Parameters, double? Value, IReadOnlyDictionary<string, double?> Metrics);

/// <summary>A run of the sweep that failed, and why.</summary>
public sealed record SweepFailure(string RunId, IReadOnlyDictionary<string, string> Parameters, string Error);

/// <summary>
/// The input of one execution of the <c>Sweep</c> orchestration: the sweep, the first run this execution starts,
/// and the runs that failed so far with their errors (the sweep continues as new after every batch, so its history
/// stays one batch long).
/// </summary>
public sealed record SweepInput(SweepRequest Sweep, int NextRun = 0, IReadOnlyDictionary<string, string>? Failures = null);

/// <summary>What the ranking step gets: the sweep, and the runs that failed with their errors (the rest completed).</summary>
public sealed record SweepResults(SweepRequest Sweep, IReadOnlyDictionary<string, string> Failures);

/// <summary>A sweep's custom status: runs finished so far.</summary>
public sealed record SweepStatus(string Phase, int Runs, int Completed, int Failed, double Progress);
