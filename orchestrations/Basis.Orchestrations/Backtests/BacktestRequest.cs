using Basis.Core.Simulation;
using Basis.Core.Time;

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
/// <param name="SweepId">The sweep this run is one of, if any.</param>
/// <param name="ShareClass">The share class the caller expects (the original API's <c>share_class</c>): checked against the mode's.</param>
public sealed record BacktestRequest(
    string Mode,
    DateTime StartUtc,
    DateTime EndUtc,
    double? InitialCapital = null,
    IReadOnlyList<string>? Overrides = null,
    IReadOnlyList<CapitalFlow>? Flows = null,
    IReadOnlyList<string>? Stress = null,
    KeptResults Keep = KeptResults.Full,
    string? SweepId = null,
    string? ShareClass = null)
{
    /// <summary>The longest run simulated in one piece: a leap year.</summary>
    public const int MaxSegmentHours = 366 * 24;

    /// <summary>
    /// The run cut into simulation segments: one for a run of up to a year (one activity does the whole run, so the
    /// engine, not orchestration overhead, dominates), otherwise one per year from the start, the last one shorter.
    /// A crash re-runs only the segment in flight. Pure: the orchestrator calls it.
    /// </summary>
    public IReadOnlyList<SegmentRange> Segments()
    {
        var segments = new List<SegmentRange>();
        var whole = EndUtc <= StartUtc.AddHours(MaxSegmentHours);
        for (var from = StartUtc; from < EndUtc;)
        {
            var to = whole || from.AddYears(1) >= EndUtc ? EndUtc : from.AddYears(1);
            segments.Add(new SegmentRange(HourOf(from), HourOf(to), UnixTime.Format(from), UnixTime.Format(to)));
            from = to;
        }

        return segments;
    }

    private int HourOf(DateTime utc) => (int)((utc - StartUtc).Ticks / TimeSpan.TicksPerHour);
}

/// <summary>Hours <c>[FromHour, ToHour)</c> of a run, and the UTC times they stand for.</summary>
public sealed record SegmentRange(int FromHour, int ToHour, string From, string To);

/// <summary>Which results a run keeps.</summary>
public enum KeptResults
{
    /// <summary>summary.json, timeseries.csv, events.jsonl and report.html.</summary>
    Full,

    /// <summary>summary.json only (sweeps: a thousand runs need their figures, not a thousand reports).</summary>
    SummaryOnly,
}
