using System.Globalization;
using System.Text;
using System.Text.Json;
using Basis.Core.Events;
using Basis.Core.Results;
using Basis.Core.Time;

namespace Basis.Data.Results;

/// <summary>
/// Writes a run's results folder: <c>summary.json</c>, <c>timeseries.csv</c>, <c>events.jsonl</c> and
/// <c>report.html</c> (<see cref="ReportWriter"/>). Output is
/// deterministic: identical results give identical bytes (only <c>elapsed_ms</c> differs between identical runs).
/// </summary>
public static class ResultWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes every file into <paramref name="folder"/> (created if needed); returns the paths written.</summary>
    public static IReadOnlyList<string> Write(string folder, BacktestResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(folder);
        var summary = Path.Combine(folder, ResultFiles.Summary);
        var timeseries = Path.Combine(folder, ResultFiles.Timeseries);
        var events = Path.Combine(folder, ResultFiles.Events);
        var report = Path.Combine(folder, ResultFiles.Report);
        File.WriteAllText(summary, SummaryJson(result.Summary) + "\n", Utf8);
        WriteTimeseries(timeseries, result.Timeseries);
        WriteEvents(events, result.Events);
        ReportWriter.Write(report, result);
        return [summary, timeseries, events, report];
    }

    /// <summary>The summary as indented JSON.</summary>
    public static string SummaryJson(BacktestSummary summary) => JsonSerializer.Serialize(summary, ResultJson.Indented);

    /// <summary>
    /// Writes the timeseries as CSV: <c>timestamp</c> then every column. Infinite values (a health factor without
    /// debt, a margin ratio without a position) are written as empty cells.
    /// </summary>
    public static void WriteTimeseries(string path, Timeseries timeseries)
    {
        ArgumentNullException.ThrowIfNull(timeseries);
        using var writer = new StreamWriter(path, append: false, Utf8) { NewLine = "\n" };
        writer.Write("timestamp");
        foreach (var column in timeseries.Columns)
        {
            writer.Write(',');
            writer.Write(column);
        }

        writer.WriteLine();
        for (var h = 0; h < timeseries.Grid.Hours; h++)
        {
            writer.Write(UnixTime.Format(timeseries.Grid.TimeOf(h)));
            for (var c = 0; c < timeseries.Columns.Count; c++)
            {
                writer.Write(',');
                var value = timeseries[h, c];
                if (double.IsFinite(value))
                {
                    writer.Write(value.ToString("R", CultureInfo.InvariantCulture));
                }
            }

            writer.WriteLine();
        }
    }

    /// <summary>Writes one JSON object per event, in order.</summary>
    public static void WriteEvents(string path, IReadOnlyList<SimulationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        using var writer = new StreamWriter(path, append: false, Utf8) { NewLine = "\n" };
        foreach (var simulationEvent in events)
        {
            writer.WriteLine(JsonSerializer.Serialize(simulationEvent, ResultJson.Compact));
        }
    }
}
