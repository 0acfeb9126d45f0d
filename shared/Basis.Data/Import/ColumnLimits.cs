using System.Globalization;
using Basis.Core.Market;

namespace Basis.Data.Import;

/// <summary>
/// Refusal of single rows: a value outside its column's limits in <see cref="SeriesCatalog"/>, or an index that
/// falls, is impossible. The row is dropped and reported; clamping would invent a number.
/// </summary>
internal static class ColumnLimits
{
    /// <summary>The rows (in time order) that satisfy every limit of <paramref name="columns"/>; the others go to <paramref name="log"/>.</summary>
    public static List<TimedRow> Apply(IReadOnlyList<TimedRow> rows, IReadOnlyList<ColumnSpec> columns, RowDropLog log)
    {
        var names = columns.Select(c => c.Name).ToArray();
        var kept = new List<TimedRow>(rows.Count);
        foreach (var row in rows)
        {
            var problem = Problem(row, kept.Count > 0 ? kept[^1] : null, columns);
            if (problem is null)
            {
                kept.Add(row);
            }
            else
            {
                log.Add(problem, SourceValue.Describe(row, names));
            }
        }

        return kept;
    }

    private static string? Problem(TimedRow row, TimedRow? previous, IReadOnlyList<ColumnSpec> columns)
    {
        for (var c = 0; c < columns.Count; c++)
        {
            var spec = columns[c];
            if (spec.Type == ColumnType.Timestamp)
            {
                continue;
            }

            var value = row.Values[c];
            if (value < spec.Min || value > spec.Max)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"{spec.Name} outside its limits [{SourceValue.Format(spec.Min)}, {SourceValue.Format(spec.Max)}]");
            }

            if (spec.NonDecreasing && previous is { } p && value < p.Values[c])
            {
                return $"{spec.Name} falls below the previous row's value (an index never decreases)";
            }
        }

        return null;
    }
}
