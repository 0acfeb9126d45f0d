using System.Globalization;

namespace Basis.Benchmarks.Pipeline;

/// <summary>
/// A Markdown table printed to the console (so it can be pasted into docs/benchmarks.md): a title, a header, rows.
/// Every column but the first is right-aligned.
/// </summary>
internal sealed class ResultTable(string title, params string[] columns)
{
    private readonly List<string[]> _rows = [];

    /// <summary>A row of cells, as many as the columns.</summary>
    public ResultTable Row(params string[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"{cells.Length} cells for {columns.Length} columns in '{title}'.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    /// <summary>A row naming <paramref name="what"/> with the median, minimum and maximum of <paramref name="sample"/> in milliseconds, then <paramref name="more"/> cells.</summary>
    public ResultTable Timing(string what, Sample sample, params string[] more) =>
        Row([what, Ms(sample.Median), Ms(sample.Min), Ms(sample.Max), sample.Count.ToString(CultureInfo.InvariantCulture), .. more]);

    public void Print()
    {
        Console.WriteLine();
        Console.WriteLine($"### {title}");
        Console.WriteLine();
        Console.WriteLine($"| {string.Join(" | ", columns)} |");
        Console.WriteLine($"|---|{string.Concat(Enumerable.Repeat("---:|", columns.Length - 1))}");
        foreach (var row in _rows)
        {
            Console.WriteLine($"| {string.Join(" | ", row)} |");
        }
    }

    /// <summary>Milliseconds, two decimals under 10 ms, one under 100 ms, whole above.</summary>
    public static string Ms(double ms) => double.IsNaN(ms) ? "–" : ms.ToString(ms < 10 ? "N2" : ms < 100 ? "N1" : "N0", CultureInfo.InvariantCulture) + " ms";

    public static string Seconds(double ms) => double.IsNaN(ms) ? "–" : (ms / 1000).ToString("N1", CultureInfo.InvariantCulture) + " s";

    public static string Ratio(double value) => double.IsNaN(value) ? "–" : value.ToString("N2", CultureInfo.InvariantCulture) + "×";

    public static string Megabytes(double bytes, int decimals = 0) => (bytes / (1024 * 1024)).ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + " MB";
}
