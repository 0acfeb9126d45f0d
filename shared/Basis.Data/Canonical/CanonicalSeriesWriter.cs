using System.Globalization;
using System.Text;
using Basis.Core.Market;
using Basis.Core.Time;

namespace Basis.Data.Canonical;

/// <summary>
/// Writes a series into the canonical layout, one file per UTC month. Output is byte-for-byte deterministic:
/// LF line ends, invariant culture, shortest round-trip numbers.
/// </summary>
public static class CanonicalSeriesWriter
{
    /// <summary>Writes every month the series has rows in, replacing those months' files; returns the files written.</summary>
    public static IReadOnlyList<string> Write(string root, SeriesData series)
    {
        ArgumentNullException.ThrowIfNull(series);
        EnsureStrictlyIncreasing(series);

        var written = new List<string>();
        var times = series.Times;
        var start = 0;
        while (start < times.Length)
        {
            var month = MonthOf(times[start]);
            var end = start;
            while (end < times.Length && MonthOf(times[end]) == month)
            {
                end++;
            }

            var path = CanonicalLayout.MonthFile(root, series.Id, month.Year, month.Month);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Format(series, start, end), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            written.Add(path);
            start = end;
        }

        return written;
    }

    /// <summary>Formats one value the way canonical files store it.</summary>
    public static string FormatValue(double value, ColumnType type) =>
        type == ColumnType.Timestamp
            ? UnixTime.Format((long)value)
            : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Format(SeriesData series, int start, int end)
    {
        var spec = series.Spec;
        var text = new StringBuilder((end - start + 1) * 64);
        text.Append(spec.Header).Append('\n');
        for (var row = start; row < end; row++)
        {
            text.Append(UnixTime.Format(series.Times[row]));
            for (var c = 0; c < spec.Columns.Count; c++)
            {
                var value = series.Column(c)[row];
                if (!double.IsFinite(value))
                {
                    throw new ArgumentException($"Series {series.Id}: {spec.Columns[c].Name} at {UnixTime.Format(series.Times[row])} is {value}; canonical files hold finite numbers only.", nameof(series));
                }

                text.Append(',').Append(FormatValue(value, spec.Columns[c].Type));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    private static void EnsureStrictlyIncreasing(SeriesData series)
    {
        var times = series.Times;
        for (var i = 1; i < times.Length; i++)
        {
            if (times[i] <= times[i - 1])
            {
                throw new ArgumentException($"Series {series.Id}: timestamps must be strictly increasing; {UnixTime.Format(times[i])} follows {UnixTime.Format(times[i - 1])}.", nameof(series));
            }
        }
    }

    private static (int Year, int Month) MonthOf(long unixSeconds)
    {
        var t = UnixTime.FromSeconds(unixSeconds);
        return (t.Year, t.Month);
    }
}
