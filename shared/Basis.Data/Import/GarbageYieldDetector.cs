using System.Globalization;

namespace Basis.Data.Import;

/// <summary>
/// Refusal: a yield file is garbage when its annual yields are often negative or absurd, or when its rows are
/// largely out of order or contradict each other. The original's wstETH base-yield file has all four symptoms; a
/// staking yield is small and positive, so any of them means the numbers cannot be trusted.
/// </summary>
internal static class GarbageYieldDetector
{
    /// <summary>A staking or benchmark yield may dip below zero on a rare day; more than 1% of rows is a broken computation.</summary>
    public const double MaxNegativeShare = 0.01;

    /// <summary>No yield these files describe comes near 100% a year.</summary>
    public const double MaxAnnualYield = 1.0;

    /// <summary>A few rows out of order can be sorted; when more than a tenth are, the file's construction is broken.</summary>
    public const double MaxDisorderShare = 0.10;

    /// <summary>Likewise for rows involved in conflicting duplicate timestamps.</summary>
    public const double MaxConflictShare = 0.10;

    /// <summary>
    /// Why the yields are garbage, or null. <paramref name="rowsInFileOrder"/> are as read; <paramref name="yieldColumns"/>
    /// name the annual-yield columns (fractions, not percent) among the row values.
    /// </summary>
    public static string? Detect(IReadOnlyList<TimedRow> rowsInFileOrder, IReadOnlyList<(int Index, string Name)> yieldColumns)
    {
        if (rowsInFileOrder.Count == 0)
        {
            return null;
        }

        var symptoms = new List<string>();
        foreach (var (index, name) in yieldColumns)
        {
            var values = rowsInFileOrder.Select(r => r.Values[index]).ToArray();
            var negative = values.Count(v => v < 0);
            if (negative > MaxNegativeShare * values.Length)
            {
                symptoms.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{SourceValue.Count(negative)} of {SourceValue.Count(values.Length)} {name} values are negative (down to {SourceValue.Format(values.Min())})"));
            }

            var absurd = values.Count(v => v > MaxAnnualYield);
            if (absurd > 0)
            {
                symptoms.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{SourceValue.Count(absurd)} {name} values exceed {MaxAnnualYield:0%} a year (up to {SourceValue.Format(values.Max())})"));
            }
        }

        var disorder = 0;
        for (var i = 1; i < rowsInFileOrder.Count; i++)
        {
            if (rowsInFileOrder[i].Time < rowsInFileOrder[i - 1].Time)
            {
                disorder++;
            }
        }

        if (disorder > MaxDisorderShare * rowsInFileOrder.Count)
        {
            symptoms.Add(string.Create(CultureInfo.InvariantCulture,
                $"{SourceValue.Count(disorder)} of {SourceValue.Count(rowsInFileOrder.Count)} rows are earlier than the row before them"));
        }

        var sorted = rowsInFileOrder.OrderBy(r => r.Time).ToList();
        var conflicts = DuplicateTimestamps.Resolve(sorted, yieldColumns.Select(c => c.Name).ToArray());
        if (conflicts.ConflictingRowsRemoved > MaxConflictShare * rowsInFileOrder.Count)
        {
            symptoms.Add(string.Create(CultureInfo.InvariantCulture,
                $"{SourceValue.Count(conflicts.ConflictingRowsRemoved)} rows share a timestamp with rows of different values"));
        }

        return symptoms.Count == 0 ? null : "garbage: " + string.Join("; ", symptoms);
    }
}
