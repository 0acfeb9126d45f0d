using Basis.Core.Accounting;

namespace Basis.Data.Import;

/// <summary>
/// Repair: turns daily AAVE snapshots into hourly rows. An index grows by compounding, so between snapshots a and b
/// it is interpolated geometrically, I(t) = I_a × (I_b / I_a)^((t − t_a) / (t_b − t_a)): the growth per hour is
/// constant within the day and the hourly values multiply back to the daily ratio exactly. (The original interpolated
/// linearly, which makes the hourly rate fall through the day.) Rates are not interpolated: each hour carries the
/// rates of the last snapshot at or before it, because that is what the protocol was charging.
/// </summary>
internal static class GeometricIndexInterpolation
{
    private const long Hour = 3600;

    /// <summary>
    /// Hourly rows from the first whole hour at or after the first snapshot to the last whole hour at or before the
    /// last snapshot. <paramref name="snapshots"/> must be strictly increasing in time with positive index values;
    /// <paramref name="isIndex"/> says, per value column, whether it is an index (interpolated) or a rate (carried forward).
    /// </summary>
    public static List<TimedRow> ToHourly(IReadOnlyList<TimedRow> snapshots, IReadOnlyList<bool> isIndex)
    {
        var hourly = new List<TimedRow>();
        if (snapshots.Count == 0)
        {
            return hourly;
        }

        var first = CeilingHour(snapshots[0].Time);
        var last = FloorHour(snapshots[^1].Time);
        var segment = 0;
        for (var t = first; t <= last; t += Hour)
        {
            while (segment + 1 < snapshots.Count && snapshots[segment + 1].Time <= t)
            {
                segment++;
            }

            var a = snapshots[segment];
            var values = new double[a.Values.Length];
            if (t == a.Time || segment + 1 == snapshots.Count)
            {
                a.Values.CopyTo(values, 0);
            }
            else
            {
                var b = snapshots[segment + 1];
                var fraction = (double)(t - a.Time) / (b.Time - a.Time);
                for (var c = 0; c < values.Length; c++)
                {
                    values[c] = isIndex[c] ? AaveAccounting.InterpolateIndex(a.Values[c], b.Values[c], fraction) : a.Values[c];
                }
            }

            hourly.Add(new TimedRow(t, values, a.Line));
        }

        return hourly;
    }

    private static long CeilingHour(long t) => t % Hour == 0 ? t : t - (((t % Hour) + Hour) % Hour) + Hour;

    private static long FloorHour(long t) => t - (((t % Hour) + Hour) % Hour);
}
