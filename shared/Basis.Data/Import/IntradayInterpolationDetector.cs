using System.Globalization;

namespace Basis.Data.Import;

/// <summary>
/// Note, not a refusal: detects hourly rows that are straight lines between daily values. The original's AAVE
/// oracle USD prices are built that way, so their intraday moves are not real; a user pricing hourly needs to know.
/// </summary>
internal static class IntradayInterpolationDetector
{
    private const int MinRowsPerDay = 4;

    /// <summary>More than half the days linear cannot be chance for a market price.</summary>
    private const double LinearShare = 0.5;

    public static string? Detect(IReadOnlyList<TimedRow> sortedRows, int column, string columnName)
    {
        var days = 0;
        var linear = 0;
        var start = 0;
        while (start < sortedRows.Count)
        {
            var day = sortedRows[start].Time / 86_400;
            var end = start;
            while (end < sortedRows.Count && sortedRows[end].Time / 86_400 == day)
            {
                end++;
            }

            if (end - start >= MinRowsPerDay)
            {
                days++;
                if (IsLinear(sortedRows, start, end, column))
                {
                    linear++;
                }
            }

            start = end;
        }

        return days > 0 && linear > LinearShare * days
            ? string.Create(CultureInfo.InvariantCulture,
                $"{columnName} moves in equal hourly steps within {SourceValue.Count(linear)} of {SourceValue.Count(days)} days: the hourly values are a linear interpolation of daily values, so intraday moves are not observed prices")
            : null;
    }

    private static bool IsLinear(IReadOnlyList<TimedRow> rows, int start, int end, int column)
    {
        var step = rows[start + 1].Values[column] - rows[start].Values[column];
        var interval = rows[start + 1].Time - rows[start].Time;
        var scale = 0.0;
        for (var i = start; i < end; i++)
        {
            scale = Math.Max(scale, Math.Abs(rows[i].Values[column]));
        }

        for (var i = start + 2; i < end; i++)
        {
            if (rows[i].Time - rows[i - 1].Time != interval ||
                Math.Abs(rows[i].Values[column] - rows[i - 1].Values[column] - step) > 1e-9 * scale)
            {
                return false;
            }
        }

        return true;
    }
}
