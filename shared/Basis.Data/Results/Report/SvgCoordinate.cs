using System.Globalization;
using System.Text;

namespace Basis.Data.Results.Report;

/// <summary>
/// A coordinate as the charts write it: rounded to 0.1 px (midpoints away from zero) and written as <c>0.#</c> in the
/// invariant culture, never <c>-0</c>. Held as whole tenths, so that comparing two coordinates (is this point on a
/// flat run?) and writing one need no string: a year's charts have tens of thousands of points, and formatting each
/// coordinate through a custom format string was most of the report's time. A coordinate of 10¹² px or more (never
/// on a chart, whose coordinates lie inside its plot) is formatted as before.
/// </summary>
internal readonly record struct SvgCoordinate
{
    /// <summary>Below this, a coordinate's <c>0.#</c> text is exactly the digits of its tenths (15 significant digits suffice).</summary>
    private const double TenthsLimit = 1e12;

    private readonly long _tenths;
    private readonly string? _text;

    private SvgCoordinate(long tenths, string? text)
    {
        _tenths = tenths;
        _text = text;
    }

    public static SvgCoordinate Of(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        if (rounded == 0)
        {
            rounded = 0;
        }

        // rounded is the double nearest a whole number of tenths, so ×10 lands within far less than ½ of it.
        return Math.Abs(rounded) < TenthsLimit
            ? new SvgCoordinate((long)Math.Round(rounded * 10), null)
            : new SvgCoordinate(0, rounded.ToString("0.#", CultureInfo.InvariantCulture));
    }

    public void AppendTo(StringBuilder text)
    {
        if (_text is not null)
        {
            text.Append(_text);
            return;
        }

        var tenths = _tenths;
        if (tenths < 0)
        {
            text.Append('-');
            tenths = -tenths;
        }

        text.Append(tenths / 10);
        if (tenths % 10 != 0)
        {
            text.Append('.').Append((char)('0' + (tenths % 10)));
        }
    }

    public override string ToString()
    {
        var text = new StringBuilder(16);
        AppendTo(text);
        return text.ToString();
    }
}
