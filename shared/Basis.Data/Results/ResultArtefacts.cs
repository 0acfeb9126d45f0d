using System.Text;
using System.Text.Json;
using Basis.Core.Events;
using Basis.Core.Results;

namespace Basis.Data.Results;

/// <summary>
/// Renders a run's result files as bytes: <c>summary.json</c>, <c>timeseries.csv</c>, <c>events.jsonl</c> and
/// <c>report.html</c> (<see cref="ReportWriter"/>). The one implementation behind the results folder
/// (<see cref="ResultWriter"/>) and the result stores, so both hold the same bytes. Output is deterministic:
/// identical results give identical bytes (only <c>elapsed_ms</c> differs between identical runs).
/// </summary>
public static class ResultArtefacts
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The four files, in the order <see cref="ResultFiles"/> lists them.</summary>
    public static IReadOnlyList<ResultArtefact> Render(BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return
        [
            new(ResultFiles.Summary, Utf8.GetBytes(SummaryJson(result.Summary) + "\n")),
            new(ResultFiles.Timeseries, Timeseries(result.Timeseries)),
            new(ResultFiles.Events, Events(result.Events)),
            new(ResultFiles.Report, Utf8.GetBytes(ReportWriter.Render(result))),
        ];
    }

    /// <summary>The summary as indented JSON.</summary>
    public static string SummaryJson(BacktestSummary summary) => JsonSerializer.Serialize(summary, ResultJson.Indented);

    /// <summary>
    /// The timeseries as CSV: <c>timestamp</c> then every column. Infinite values (a health factor without
    /// debt, a margin ratio without a position) are written as empty cells.
    /// </summary>
    public static byte[] Timeseries(Timeseries timeseries)
    {
        ArgumentNullException.ThrowIfNull(timeseries);
        return TimeseriesCsv.Write(timeseries);
    }

    /// <summary>One JSON object per event, in order.</summary>
    public static byte[] Events(IReadOnlyList<SimulationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return EventsJsonl.Write(events);
    }
}
