using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Basis.Core.Time;

namespace Basis.Api.Runs;

/// <summary>
/// A completed backtest's timeseries as the dashboard charts it (<c>GET …/chart</c>): <c>drawn</c>, its hours thinned
/// for drawing to at most 2,000 points with every spike kept, each value to 8 significant digits, and
/// <c>month_ends</c>, the rows of each month's last hour as they are (what monthly returns are computed from). A year of timeseries.csv is 3.8 MB of text for charts some
/// 1,500 px wide; the CSV stays the exact record.
/// </summary>
public sealed record BacktestChartResponse(
    [property: JsonPropertyName("hours")] int Hours,
    [property: JsonPropertyName("drawn")] ChartSeries Drawn,
    [property: JsonPropertyName("month_ends")] ChartSeries MonthEnds);

/// <summary>Rows by column: the times (Unix seconds), then each column of timeseries.csv in its order; null where its cell is empty (or not a finite number).</summary>
public sealed record ChartSeries(
    [property: JsonPropertyName("time")] IReadOnlyList<long> Time,
    [property: JsonPropertyName("columns")] IReadOnlyList<ChartColumn> Columns);

/// <summary>One column of a chart series.</summary>
public sealed record ChartColumn(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("values")] IReadOnlyList<double?> Values);

/// <summary>Builds a <see cref="BacktestChartResponse"/> from timeseries.csv.</summary>
public static class BacktestChart
{
    /// <summary>The most points a chart is drawn with: more than a chart has pixels across.</summary>
    public const int Points = 2000;

    /// <summary>The chart of a timeseries.csv, drawn with at most <paramref name="points"/> points.</summary>
    public static BacktestChartResponse FromCsv(byte[] csv, int points = Points)
    {
        ArgumentNullException.ThrowIfNull(csv);
        // Read as bytes, cell by cell: a year is 8,760 rows of 20–60 cells, and a string per cell costs more than the rest.
        ReadOnlySpan<byte> rest = csv;
        var names = Encoding.UTF8.GetString(NextLine(ref rest)).Split(',')[1..];
        var time = new List<long>();
        var columns = names.Select(_ => new List<double?>()).ToArray();
        while (!rest.IsEmpty)
        {
            var line = NextLine(ref rest);
            if (line.IsEmpty)
            {
                continue;
            }

            var comma = line.IndexOf((byte)',');
            time.Add(UnixTime.ToSeconds(DateTime.Parse(Encoding.ASCII.GetString(line[..comma]), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)));
            for (var c = 0; c < columns.Length; c++)
            {
                line = line[(comma + 1)..];
                comma = line.IndexOf((byte)',');
                var cell = comma < 0 ? line : line[..comma];
                columns[c].Add(cell.IsEmpty ? null : double.Parse(cell, CultureInfo.InvariantCulture) is var value && double.IsFinite(value) ? value : null);
            }
        }

        var all = new ChartSeries(time, [.. names.Select((name, c) => new ChartColumn(name, columns[c]))]);
        return new BacktestChartResponse(time.Count, Rounded(Thin(all, points / 2)), MonthEnds(all));
    }

    /// <summary>The significant digits a drawn value keeps (its format): more than a chart's pixels or its legend's figures show.</summary>
    private const string DrawnDigits = "G8";

    /// <summary>
    /// The series with each value rounded to 8 significant digits: <c>101608.98</c> draws as
    /// <c>101608.97945558342</c> does, in half the bytes (a year's chart is 0.5 MB of JSON instead of 0.9 MB).
    /// </summary>
    private static ChartSeries Rounded(ChartSeries series) =>
        new(series.Time, [.. series.Columns.Select(column => new ChartColumn(column.Name, [.. column.Values.Select(value => value is { } v ? Round(v) : (double?)null)]))]);

    private static double Round(double value) =>
        value == 0 ? 0 : double.Parse(value.ToString(DrawnDigits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> rest)
    {
        var end = rest.IndexOf((byte)'\n');
        var line = end < 0 ? rest : rest[..end];
        rest = end < 0 ? [] : rest[(end + 1)..];
        return line;
    }

    /// <summary>
    /// The rows split into <paramref name="buckets"/> runs of consecutive hours as even as whole rows allow, each drawn
    /// as two points (at the run's first and last hour) holding each column's lowest and highest value in the run, in
    /// the order they came: every spike and dip stays. A run without a value is a gap; one with a single value holds it
    /// at both ends. Up to two rows per bucket are kept as they are.
    /// </summary>
    private static ChartSeries Thin(ChartSeries series, int buckets)
    {
        var rows = series.Time.Count;
        if (rows <= 2 * buckets)
        {
            return series;
        }

        var time = new List<long>(2 * buckets);
        var columns = series.Columns.Select(column => new List<double?>(2 * buckets)).ToArray();
        for (var bucket = 0; bucket < buckets; bucket++)
        {
            var from = (int)((long)bucket * rows / buckets);
            var to = (int)((long)(bucket + 1) * rows / buckets);
            time.Add(series.Time[from]);
            time.Add(series.Time[to - 1]);
            for (var c = 0; c < columns.Length; c++)
            {
                var values = series.Columns[c].Values;
                int low = -1, high = -1;
                for (var i = from; i < to; i++)
                {
                    if (values[i] is not { } value)
                    {
                        continue;
                    }

                    low = low < 0 || value < values[low] ? i : low;
                    high = high < 0 || value > values[high] ? i : high;
                }

                var (first, second) = low <= high ? (low, high) : (high, low);
                columns[c].Add(first < 0 ? null : values[first]);
                columns[c].Add(second < 0 ? null : values[second]);
            }
        }

        return new ChartSeries(time, [.. series.Columns.Select((column, c) => new ChartColumn(column.Name, columns[c]))]);
    }

    /// <summary>The rows of each UTC month's last hour in the series.</summary>
    private static ChartSeries MonthEnds(ChartSeries series)
    {
        var ends = Enumerable.Range(0, series.Time.Count)
            .Where(i => i + 1 == series.Time.Count || Month(series.Time[i]) != Month(series.Time[i + 1]))
            .ToList();
        return new ChartSeries([.. ends.Select(i => series.Time[i])], [.. series.Columns.Select(column => new ChartColumn(column.Name, [.. ends.Select(i => column.Values[i])]))]);
    }

    private static (int Year, int Month) Month(long seconds)
    {
        var time = UnixTime.FromSeconds(seconds);
        return (time.Year, time.Month);
    }
}
