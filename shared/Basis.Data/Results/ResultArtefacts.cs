using System.Globalization;
using System.Text;
using System.Text.Json;
using Basis.Core.Events;
using Basis.Core.Results;
using Basis.Core.Time;

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
        return Text(writer =>
        {
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
        });
    }

    /// <summary>One JSON object per event, in order.</summary>
    public static byte[] Events(IReadOnlyList<SimulationEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return Text(writer =>
        {
            foreach (var simulationEvent in events)
            {
                writer.WriteLine(JsonSerializer.Serialize(simulationEvent, ResultJson.Compact));
            }
        });
    }

    private static byte[] Text(Action<StreamWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, Utf8, leaveOpen: true) { NewLine = "\n" })
        {
            write(writer);
        }

        return buffer.ToArray();
    }
}
