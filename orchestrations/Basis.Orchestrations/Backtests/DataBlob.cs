using Basis.Core.Market;
using Basis.Data.Canonical;

namespace Basis.Orchestrations.Backtests;

/// <summary>One blob of the canonical layout: a series' month (<c>{series}/{yyyy}/{MM}.csv</c>).</summary>
/// <param name="Series">The series.</param>
/// <param name="Year">Calendar year.</param>
/// <param name="Month">Calendar month, 1–12.</param>
public sealed record DataBlob(SeriesId Series, int Year, int Month)
{
    /// <summary>Midnight UTC on the first day of the month.</summary>
    public DateTime MonthStartUtc => new(Year, Month, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The blob's name in the canonical layout.</summary>
    public override string ToString() => CanonicalLayout.MonthName(Series, Year, Month);

    /// <summary>The blobs holding the rows of <paramref name="series"/> in <c>[fromUtc, toUtc)</c>.</summary>
    public static IEnumerable<DataBlob> Covering(SeriesId series, DateTime fromUtc, DateTime toUtc)
    {
        for (var month = new DateTime(fromUtc.Year, fromUtc.Month, 1, 0, 0, 0, DateTimeKind.Utc); month < toUtc; month = month.AddMonths(1))
        {
            yield return new DataBlob(series, month.Year, month.Month);
        }
    }
}
