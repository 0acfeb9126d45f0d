using System.Globalization;
using System.Text;
using Basis.Core.Market;
using Basis.Core.Time;

namespace Basis.Data.Canonical;

/// <summary>
/// Reads canonical month files. Parsing works on UTF-8 bytes without allocating per row, because loading the
/// whole reference period (hundreds of files) is on the path of every run and of the benchmark.
/// </summary>
public static class CanonicalSeriesReader
{
    private const int IsoLength = 20; // yyyy-MM-ddTHH:mm:ssZ

    /// <summary>All rows of <paramref name="id"/> with timestamps in <c>[fromUtc, toUtc)</c>; months without a file contribute nothing.</summary>
    public static SeriesData ReadRange(string root, SeriesId id, DateTime fromUtc, DateTime toUtc)
    {
        var parts = new List<SeriesData>();
        foreach (var month in CanonicalLayout.MonthsCovering(fromUtc, toUtc))
        {
            var path = CanonicalLayout.MonthFile(root, id, month.Year, month.Month);
            if (File.Exists(path))
            {
                parts.Add(ReadFile(path, id, month));
            }
        }

        return Combine(id, parts, fromUtc, toUtc);
    }

    /// <summary>
    /// Joins consecutive months of one series (as read by <see cref="ReadMonth"/>) and keeps the rows in
    /// <c>[fromUtc, toUtc)</c>: what every source of the canonical layout returns.
    /// </summary>
    public static SeriesData Combine(SeriesId id, IReadOnlyList<SeriesData> months, DateTime fromUtc, DateTime toUtc) =>
        SeriesData.Concatenate(id, months, UnixTime.ToSeconds(fromUtc), UnixTime.ToSeconds(toUtc));

    /// <summary>Every row of a series.</summary>
    public static SeriesData ReadAll(string root, SeriesId id)
    {
        var parts = CanonicalLayout.MonthsPresent(root, id)
            .Select(m => ReadFile(CanonicalLayout.MonthFile(root, id, m.Year, m.Month), id, m))
            .ToList();
        return SeriesData.Concatenate(id, parts, long.MinValue, long.MaxValue);
    }

    /// <summary>
    /// Reads one month file. Rows must be strictly increasing and, when <paramref name="expectedMonth"/> is given,
    /// fall inside that month.
    /// </summary>
    public static SeriesData ReadFile(string path, SeriesId id, DateTime? expectedMonth = null) =>
        ReadMonth(File.ReadAllBytes(path), path, id, expectedMonth);

    /// <summary>
    /// Parses one month file's bytes, wherever they were stored (a file, a blob, a database row);
    /// <paramref name="path"/> names that place in errors. Rules as for <see cref="ReadFile"/>.
    /// </summary>
    public static SeriesData ReadMonth(ReadOnlySpan<byte> text, string path, SeriesId id, DateTime? expectedMonth = null)
    {
        var spec = SeriesCatalog.Spec(id);
        var columnCount = spec.Columns.Count;

        var headerEnd = text.IndexOf((byte)'\n');
        var header = Encoding.UTF8.GetString(TrimCarriageReturn(headerEnd < 0 ? text : text[..headerEnd]));
        if (header != spec.Header)
        {
            throw new CanonicalDataException(path, 1, $"header is '{header}', expected '{spec.Header}'");
        }

        var estimatedRows = Math.Max(16, text.Length / (24 + (columnCount * 12)));
        var times = new List<long>(estimatedRows);
        var columns = new List<double>[columnCount];
        for (var c = 0; c < columnCount; c++)
        {
            columns[c] = new List<double>(estimatedRows);
        }

        var (monthStart, monthEnd) = expectedMonth is { } m
            ? (UnixTime.ToSeconds(m), UnixTime.ToSeconds(m.AddMonths(1)))
            : (long.MinValue, long.MaxValue);

        var lineNumber = 1;
        var rest = headerEnd < 0 ? ReadOnlySpan<byte>.Empty : text[(headerEnd + 1)..];
        while (!rest.IsEmpty)
        {
            lineNumber++;
            var newline = rest.IndexOf((byte)'\n');
            var line = TrimCarriageReturn(newline < 0 ? rest : rest[..newline]);
            rest = newline < 0 ? ReadOnlySpan<byte>.Empty : rest[(newline + 1)..];
            if (line.IsEmpty)
            {
                continue;
            }

            var field = NextField(ref line);
            var time = ParseIsoUtc(field, path, lineNumber);
            if (times.Count > 0 && time <= times[^1])
            {
                throw new CanonicalDataException(path, lineNumber, $"timestamp {UnixTime.Format(time)} does not follow {UnixTime.Format(times[^1])} (rows must be strictly increasing)");
            }

            if (time < monthStart || time >= monthEnd)
            {
                throw new CanonicalDataException(path, lineNumber, $"timestamp {UnixTime.Format(time)} is outside the file's month");
            }

            times.Add(time);
            for (var c = 0; c < columnCount; c++)
            {
                if (line.IsEmpty && c < columnCount)
                {
                    throw new CanonicalDataException(path, lineNumber, $"expected {columnCount + 1} fields, the row ends before '{spec.Columns[c].Name}'");
                }

                field = NextField(ref line);
                columns[c].Add(spec.Columns[c].Type == ColumnType.Timestamp
                    ? ParseIsoUtc(field, path, lineNumber)
                    : ParseNumber(field, spec.Columns[c].Name, path, lineNumber));
            }

            if (!line.IsEmpty)
            {
                throw new CanonicalDataException(path, lineNumber, $"expected {columnCount + 1} fields, found more");
            }
        }

        return new SeriesData(id, [.. times], columns.Select(c => c.ToArray()).ToArray());
    }

    /// <summary>Parses canonical ISO text (<c>yyyy-MM-ddTHH:mm:ssZ</c>) into Unix seconds.</summary>
    public static bool TryParseIsoUtc(ReadOnlySpan<byte> s, out long unixSeconds)
    {
        unixSeconds = 0;
        if (s.Length != IsoLength || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
        {
            return false;
        }

        if (!TryDigits(s[..4], out var year) || !TryDigits(s.Slice(5, 2), out var month) || !TryDigits(s.Slice(8, 2), out var day) ||
            !TryDigits(s.Slice(11, 2), out var hour) || !TryDigits(s.Slice(14, 2), out var minute) || !TryDigits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        unixSeconds = UnixTime.ToSeconds(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc));
        return true;
    }

    private static ReadOnlySpan<byte> NextField(ref ReadOnlySpan<byte> line)
    {
        var comma = line.IndexOf((byte)',');
        if (comma < 0)
        {
            var last = line;
            line = ReadOnlySpan<byte>.Empty;
            return last;
        }

        var field = line[..comma];
        line = line[(comma + 1)..];
        return field;
    }

    private static long ParseIsoUtc(ReadOnlySpan<byte> field, string path, int line) =>
        TryParseIsoUtc(field, out var seconds)
            ? seconds
            : throw new CanonicalDataException(path, line, $"'{Encoding.UTF8.GetString(field)}' is not a UTC timestamp of the form yyyy-MM-ddTHH:mm:ssZ");

    private static double ParseNumber(ReadOnlySpan<byte> field, string column, string path, int line)
    {
        if (double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        throw new CanonicalDataException(path, line, $"{column}: '{Encoding.UTF8.GetString(field)}' is not a finite number");
    }

    private static bool TryDigits(ReadOnlySpan<byte> s, out int value)
    {
        value = 0;
        foreach (var b in s)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        !line.IsEmpty && line[^1] == '\r' ? line[..^1] : line;
}
