using Basis.Core.Simulation;

namespace Basis.Orchestrations.Backtests;

/// <summary>
/// What to backtest: the input of the <c>Backtest</c> orchestration, built by the command line and by the HTTP
/// API from the same fields. The run id is the orchestration's instance id.
/// </summary>
/// <param name="Mode">Strategy mode or alias.</param>
/// <param name="StartUtc">First hour (whole UTC hour).</param>
/// <param name="EndUtc">End hour, exclusive.</param>
/// <param name="InitialCapital">Capital in share-class units; null for the share class' default.</param>
/// <param name="Overrides">Mode settings as <c>dotted.key=value</c>, applied after the configuration files.</param>
/// <param name="Flows">Deposits (positive) and withdrawals during the run.</param>
/// <param name="Stress">Shocks in <c>--stress</c> syntax.</param>
/// <param name="Keep">Which results to keep.</param>
/// <param name="ParentInstanceId">The sweep to notify on completion, when this run is one of a sweep's.</param>
/// <param name="DataValidated">True when the parent already loaded and validated every data blob of the run.</param>
public sealed record BacktestRequest(
    string Mode,
    DateTime StartUtc,
    DateTime EndUtc,
    double? InitialCapital = null,
    IReadOnlyList<string>? Overrides = null,
    IReadOnlyList<CapitalFlow>? Flows = null,
    IReadOnlyList<string>? Stress = null,
    KeptResults Keep = KeptResults.Full,
    string? ParentInstanceId = null,
    bool DataValidated = false);

/// <summary>Which results a run keeps.</summary>
public enum KeptResults
{
    /// <summary>summary.json, timeseries.csv, events.jsonl and report.html.</summary>
    Full,

    /// <summary>summary.json only (sweeps: a thousand runs need their figures, not a thousand reports).</summary>
    SummaryOnly,
}
