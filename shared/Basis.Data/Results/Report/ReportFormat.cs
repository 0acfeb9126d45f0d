using System.Globalization;

namespace Basis.Data.Results.Report;

/// <summary>
/// How the report writes numbers and times for people: invariant culture, amounts with the share class's usual
/// decimals, ratios as percent, undefined figures as "n/a". Same value, same text, on any machine.
/// </summary>
internal static class ReportFormat
{
    public const string NotAvailable = "n/a";

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Decimals for an amount: cents for a dollar class, 6 for a token class (0.000001 ETH ≈ a fraction of a cent).</summary>
    public static int AmountDecimals(string shareClass) =>
        shareClass.Equals("USDT", StringComparison.OrdinalIgnoreCase) || shareClass.Equals("USD", StringComparison.OrdinalIgnoreCase) ? 2 : 6;

    public static string Amount(double value, string shareClass) => Fixed(value, AmountDecimals(shareClass));

    /// <summary>A fraction as percent with 2 decimals; a non-zero value that would round to 0.00% keeps 2 significant digits instead.</summary>
    public static string Percent(double fraction)
    {
        if (!double.IsFinite(fraction))
        {
            return NotAvailable;
        }

        var percent = fraction * 100;
        if (percent != 0 && Math.Abs(percent) < 0.005)
        {
            return percent.ToString("G2", Invariant) + "%";
        }

        return Fixed(percent, 2) + "%";
    }

    public static string Percent(double? fraction) => fraction is { } f ? Percent(f) : NotAvailable;

    public static string Ratio(double? value, int decimals) => value is { } v && double.IsFinite(v) ? Fixed(v, decimals) : NotAvailable;

    public static string Count(int value) => value.ToString("N0", Invariant);

    /// <summary>A UTC hour as <c>2025-01-31 16:00</c>.</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", Invariant);

    /// <summary>Fixed decimals with thousands separators; never "-0.00" (a tiny negative rounds to plain zero).</summary>
    public static string Fixed(double value, int decimals)
    {
        if (!double.IsFinite(value))
        {
            return NotAvailable;
        }

        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0;
        }

        return rounded.ToString("N" + decimals.ToString(Invariant), Invariant);
    }
}
