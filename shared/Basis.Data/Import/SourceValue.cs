using System.Globalization;
using Basis.Core.Time;

namespace Basis.Data.Import;

/// <summary>Formatting of values and times in report text: invariant culture, shortest round-trip numbers.</summary>
internal static class SourceValue
{
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Format(long unixSeconds) => UnixTime.Format(unixSeconds);

    public static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>"line 12: open=1, close=2" for report examples.</summary>
    public static string Describe(TimedRow row, IReadOnlyList<string> columns)
    {
        var values = string.Join(", ", columns.Select((c, i) => $"{c}={Format(row.Values[i])}"));
        return string.Create(CultureInfo.InvariantCulture, $"line {row.Line}: {Format(row.Time)} {values}");
    }
}
