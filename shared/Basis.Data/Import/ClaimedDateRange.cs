using System.Globalization;
using System.Text.RegularExpressions;

namespace Basis.Data.Import;

/// <summary>The date range a source file's name claims, e.g. <c>..._2024-05-12_2025-09-27.csv</c>.</summary>
internal sealed partial record ClaimedDateRange(DateOnly From, DateOnly To)
{
    /// <summary>Calendar days from <see cref="From"/> to <see cref="To"/>, both included.</summary>
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The last <c>yyyy-MM-dd_yyyy-MM-dd</c> pair in the file name, or null.</summary>
    public static ClaimedDateRange? FromFileName(string path)
    {
        var matches = DatePair().Matches(Path.GetFileName(path));
        if (matches.Count == 0)
        {
            return null;
        }

        var last = matches[^1];
        return DateOnly.TryParseExact(last.Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from) &&
               DateOnly.TryParseExact(last.Groups[2].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) &&
               to >= from
            ? new ClaimedDateRange(from, to)
            : null;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{From:yyyy-MM-dd} → {To:yyyy-MM-dd}");

    [GeneratedRegex(@"(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})", RegexOptions.CultureInvariant)]
    private static partial Regex DatePair();
}
