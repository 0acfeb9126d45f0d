using System.Globalization;

namespace Basis.Data.Import;

/// <summary>
/// Refusal: a placeholder is a file that stands in for data nobody downloaded. The original left several: a name
/// claiming a year and a half of hourly prices over 24 rows that climb by exactly 0.0001 per hour.
/// </summary>
internal static class PlaceholderDetector
{
    /// <summary>A file claiming more than a month may hold at most two days of hourly rows before it is a placeholder.</summary>
    public const int MaxRowsForMultiMonthClaim = 48;

    /// <summary>More than 31 days cannot fit in one month: the name claims several.</summary>
    private const int MultiMonthDays = 31;

    private const int MinRowsForProgression = 3;

    /// <summary>
    /// Why the rows look like a placeholder, or null. <paramref name="rows"/> are in time order;
    /// <paramref name="column"/> is the value column that carries the data (the close, the price, the rate).
    /// </summary>
    public static string? Detect(string relativePath, IReadOnlyList<TimedRow> rows, int column, string columnName)
    {
        var symptoms = new List<string>();
        var claimed = ClaimedDateRange.FromFileName(relativePath);
        if (claimed is { Days: > MultiMonthDays } && rows.Count <= MaxRowsForMultiMonthClaim)
        {
            symptoms.Add(string.Create(CultureInfo.InvariantCulture,
                $"the file name claims {claimed} ({claimed.Days} days) but the file holds {rows.Count} rows (at most {MaxRowsForMultiMonthClaim} is a placeholder)"));
        }

        if (IsArithmeticProgression(rows, column, out var step))
        {
            symptoms.Add(string.Create(CultureInfo.InvariantCulture,
                $"{columnName} forms an exact arithmetic progression over all {rows.Count} rows ({SourceValue.Format(rows[0].Values[column])} → {SourceValue.Format(rows[^1].Values[column])}, step {step:G10}), which no market produces"));
        }

        return symptoms.Count == 0 ? null : "placeholder: " + string.Join("; ", symptoms);
    }

    /// <summary>True when every step between consecutive values is the same, up to decimal round-off.</summary>
    public static bool IsArithmeticProgression(IReadOnlyList<TimedRow> rows, int column, out double step)
    {
        step = 0;
        if (rows.Count < MinRowsForProgression)
        {
            return false;
        }

        step = rows[1].Values[column] - rows[0].Values[column];
        var scale = rows.Max(r => Math.Abs(r.Values[column]));

        // Values like 1.0001, 1.0002 parse to doubles whose differences agree to ~1e-16 relative, never exactly.
        var tolerance = 1e-9 * Math.Max(scale, double.Epsilon);
        for (var i = 2; i < rows.Count; i++)
        {
            if (Math.Abs(rows[i].Values[column] - rows[i - 1].Values[column] - step) > tolerance)
            {
                return false;
            }
        }

        return true;
    }
}
