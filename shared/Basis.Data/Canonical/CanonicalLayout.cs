using System.Globalization;
using Basis.Core.Market;

namespace Basis.Data.Canonical;

/// <summary>
/// Paths of the canonical layout: <c>{root}/{series}/{yyyy}/{MM}.csv</c>, one file per series per UTC month.
/// </summary>
public static class CanonicalLayout
{
    /// <summary>The file holding the rows of <paramref name="id"/> for one month.</summary>
    public static string MonthFile(string root, SeriesId id, int year, int month) =>
        Path.Combine(root, MonthName(id, year, month).Replace('/', Path.DirectorySeparatorChar));

    /// <summary>
    /// The month's name relative to the layout's root, always with <c>/</c>: <c>{series}/{yyyy}/{MM}.csv</c>
    /// (a blob's name, a database row's key).
    /// </summary>
    public static string MonthName(SeriesId id, int year, int month) =>
        $"{id.Value}/{year.ToString("D4", CultureInfo.InvariantCulture)}/{month.ToString("D2", CultureInfo.InvariantCulture)}.csv";

    /// <summary>The month a name made by <see cref="MonthName"/> for <paramref name="id"/> stands for; null for any other name.</summary>
    public static DateTime? TryParseMonthName(SeriesId id, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var prefix = id.Value + "/";

        // {yyyy}/{MM}.csv after the series: exactly the shape MonthName writes.
        if (name.Length != prefix.Length + 11 || !name.StartsWith(prefix, StringComparison.Ordinal) || !name.EndsWith(".csv", StringComparison.Ordinal) || name[prefix.Length + 4] != '/')
        {
            return null;
        }

        return int.TryParse(name.AsSpan(prefix.Length, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            && int.TryParse(name.AsSpan(prefix.Length + 5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && year >= 1 && month is >= 1 and <= 12
            ? new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc)
            : null;
    }

    /// <summary>The folder of a series.</summary>
    public static string SeriesFolder(string root, SeriesId id) => Path.Combine(root, id.Value.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>The first day of every month that intersects <c>[fromUtc, toUtc)</c>.</summary>
    public static IEnumerable<DateTime> MonthsCovering(DateTime fromUtc, DateTime toUtc)
    {
        var month = new DateTime(fromUtc.Year, fromUtc.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        for (; month < toUtc; month = month.AddMonths(1))
        {
            yield return month;
        }
    }

    /// <summary>The months a series has files for, in order.</summary>
    public static IReadOnlyList<DateTime> MonthsPresent(string root, SeriesId id)
    {
        var folder = SeriesFolder(root, id);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var months = new List<DateTime>();
        foreach (var yearDir in Directory.EnumerateDirectories(folder))
        {
            if (!int.TryParse(Path.GetFileName(yearDir), NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(yearDir, "*.csv"))
            {
                // Only the two-digit names MonthFile produces; "1.csv" is not the January file.
                var name = Path.GetFileNameWithoutExtension(file);
                if (name.Length == 2 && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
                {
                    months.Add(new DateTime(year, month, 1, 0, 0, 0, DateTimeKind.Utc));
                }
            }
        }

        months.Sort();
        return months;
    }

    /// <summary>
    /// Every series under <paramref name="root"/>: folders whose path is a valid series id and that hold
    /// <c>{yyyy}/{MM}.csv</c> files.
    /// </summary>
    public static IReadOnlyList<SeriesId> DiscoverSeries(string root)
    {
        var found = new List<SeriesId>();
        if (!Directory.Exists(root))
        {
            return found;
        }

        foreach (var kindDir in Directory.EnumerateDirectories(root))
        {
            foreach (var candidate in EnumerateCandidates(kindDir, Path.GetFileName(kindDir), depth: 1))
            {
                if (SeriesId.TryParse(candidate, out var id, out _) && MonthsPresent(root, id).Count > 0)
                {
                    found.Add(id);
                }
            }
        }

        found.Sort(SeriesId.Ordinal);
        return found;
    }

    private static IEnumerable<string> EnumerateCandidates(string dir, string prefix, int depth)
    {
        foreach (var child in Directory.EnumerateDirectories(dir))
        {
            var name = Path.GetFileName(child);
            if (name.Length == 4 && name.All(char.IsAsciiDigit))
            {
                continue; // a year folder, not part of the id
            }

            var id = prefix + "/" + name;
            yield return id;
            if (depth < 2)
            {
                foreach (var deeper in EnumerateCandidates(child, id, depth + 1))
                {
                    yield return deeper;
                }
            }
        }
    }
}
