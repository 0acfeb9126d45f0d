using System.Globalization;

namespace Basis.Data.Results.Report;

/// <summary>Chooses a value axis for a data range: a little padding, and ticks at 1, 2 or 5 × a power of ten.</summary>
internal static class ValueAxis
{
    public static ValueScale Scale(double min, double max, int targetTicks, ValueFormat format)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || min > max)
        {
            (min, max) = (0, 1);
        }

        // A range below a billionth of its magnitude (equity moving by float noise) is drawn as flat: ticks that
        // close together could not be labelled apart, and stepping through them would not terminate.
        double low, high;
        if (max - min > Math.Max(Math.Abs(min), Math.Abs(max)) * 1e-9)
        {
            var pad = (max - min) * 0.05;
            low = min - pad;
            high = max + pad;

            // Padding never crosses zero: an LTV that is never negative should not get a "-5%" tick.
            if (min >= 0 && low < 0)
            {
                low = 0;
            }

            if (max <= 0 && high > 0)
            {
                high = 0;
            }
        }
        else
        {
            // A flat series: a band around it, or 0 to 1 for a flat zero (an LTV without debt).
            (low, high) = min == 0 ? (0.0, 1.0) : (min - (Math.Abs(min) * 0.05), min + (Math.Abs(min) * 0.05));
        }

        var step = NiceStep((high - low) / Math.Max(1, targetTicks));
        var unit = format == ValueFormat.Percent ? 100 : 1;
        var decimals = Math.Max(0, -(int)Math.Floor(Math.Log10(step * unit) + 1e-9));

        // Enough significant digits to tell neighbouring ticks apart: a delta of -0.0014598 moving by 2e-7 needs 5.
        var magnitude = Math.Max(Math.Abs(low), Math.Abs(high));
        var significant = Math.Clamp((int)Math.Ceiling(Math.Log10(magnitude / step) + 1e-9) + 1, 1, 15);
        var ticks = new List<AxisTick>();
        var first = Math.Ceiling(low / step);
        for (var k = 0; (first + k) * step <= high + (step * 1e-9); k++)
        {
            var value = (first + k) * step;
            ticks.Add(new AxisTick(value, Label(value, step, unit, decimals, significant, format)));
        }

        return new ValueScale(low, high, ticks);
    }

    private static double NiceStep(double raw)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var fraction = raw / power;
        var nice = fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10;
        return nice * power;
    }

    private static string Label(double value, double step, int unit, int decimals, int significant, ValueFormat format)
    {
        var shown = value * unit;
        var suffix = format == ValueFormat.Percent ? "%" : string.Empty;

        // Beyond 6 decimals fixed notation is a row of zeros wider than the margin; "G" switches to scientific
        // for small magnitudes and keeps the digits that differ between ticks.
        var text = decimals > 6
            ? (Math.Abs(value) < step * 1e-6 ? "0" : shown.ToString("G" + significant.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))
            : ReportFormat.Fixed(shown, decimals);
        return text + suffix;
    }
}
