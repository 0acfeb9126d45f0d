using Basis.Core.Market;

namespace Basis.Data.Import;

/// <summary>
/// Refusal of single rows: an hourly series holds rows on whole UTC hours, a daily one on 00:00 UTC. A row between
/// them belongs to another sampling (a minute bar, a snapshot time) and is dropped, not moved.
/// </summary>
internal static class CadenceAlignment
{
    /// <summary>The spacing rows of a cadence sit on, or null for event series (any time).</summary>
    public static long? StepSeconds(SeriesCadence cadence) => cadence switch
    {
        SeriesCadence.Hourly => 3600,
        SeriesCadence.Daily => 86_400,
        _ => null,
    };

    public static List<TimedRow> Apply(IReadOnlyList<TimedRow> rows, SeriesCadence cadence, IReadOnlyList<string> columns, RowDropLog log)
    {
        if (StepSeconds(cadence) is not { } step)
        {
            return rows.ToList();
        }

        var reason = cadence == SeriesCadence.Hourly ? "timestamp is not on a whole UTC hour" : "timestamp is not at 00:00 UTC";
        var kept = new List<TimedRow>(rows.Count);
        foreach (var row in rows)
        {
            if (row.Time % step == 0)
            {
                kept.Add(row);
            }
            else
            {
                log.Add(reason, SourceValue.Describe(row, columns));
            }
        }

        return kept;
    }
}
