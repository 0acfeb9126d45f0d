using System.Globalization;
using Basis.Core.Time;

namespace Basis.Data.Results.Report;

/// <summary>
/// Date ticks for the hour axis at calendar-aligned steps (midnights, Mondays, first days of months), the
/// smallest step that fits, so a three-month run reads in weeks and a year in months.
/// </summary>
internal static class TimeAxis
{
    private static readonly int[] HourSteps = [1, 2, 3, 6, 12, 24, 48, 168, 336];
    private static readonly int[] MonthSteps = [1, 2, 3, 6, 12];

    /// <summary>The Unix epoch is a Thursday; weekly ticks count from the first Monday after it (1970-01-05, hour 96).</summary>
    private const long FirstMondayUnixHour = 96;

    public static IReadOnlyList<AxisTick> Ticks(HourGrid grid, int maxTicks)
    {
        var lastHour = Math.Max(0, grid.Hours - 1);
        var startUnixHour = grid.UnixSecondsOf(0) / 3600;
        foreach (var step in HourSteps)
        {
            if (lastHour / step > maxTicks)
            {
                continue;
            }

            var origin = step >= 168 ? FirstMondayUnixHour : 0;
            var first = (int)Mod(origin - startUnixHour, step);
            var format = step < 24 ? "MM-dd HH:mm" : "yyyy-MM-dd";
            var ticks = new List<AxisTick>();
            for (var h = first; h <= lastHour; h += step)
            {
                ticks.Add(Tick(grid, h, format));
            }

            if (ticks.Count <= maxTicks)
            {
                return ticks;
            }
        }

        foreach (var months in MonthSteps)
        {
            var ticks = MonthTicks(grid, lastHour, months);
            if (ticks.Count <= maxTicks || months == MonthSteps[^1])
            {
                return ticks;
            }
        }

        return [];
    }

    private static List<AxisTick> MonthTicks(HourGrid grid, int lastHour, int months)
    {
        var start = grid.Start;
        var month = new DateTime(start.Year, start.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        if (month < start)
        {
            month = month.AddMonths(1);
        }

        var format = months == 12 ? "yyyy" : "yyyy-MM";
        var ticks = new List<AxisTick>();
        for (; ; month = month.AddMonths(1))
        {
            var hour = (int)((month - start).Ticks / TimeSpan.TicksPerHour);
            if (hour > lastHour)
            {
                break;
            }

            if (((month.Year * 12) + month.Month - 1) % months == 0)
            {
                ticks.Add(Tick(grid, hour, format));
            }
        }

        return ticks;
    }

    private static AxisTick Tick(HourGrid grid, int hour, string format) =>
        new(hour, grid.TimeOf(hour).ToString(format, CultureInfo.InvariantCulture));

    private static long Mod(long value, long divisor) => ((value % divisor) + divisor) % divisor;
}
