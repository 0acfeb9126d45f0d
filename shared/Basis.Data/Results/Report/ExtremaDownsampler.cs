namespace Basis.Data.Results.Report;

/// <summary>
/// Picks the hours a chart draws. A year is 8,760 hours and a chart is ~900 pixels wide, so drawing every hour
/// only makes the page heavy; but plain decimation (every n-th hour) would hide exactly what a risk chart is for:
/// the deepest drawdown, the lowest health factor. So the hours are cut into buckets and each bucket keeps, for every
/// series given, the hour of its minimum and of its maximum (the "min/max" or M4 family of line downsampling).
/// The first and last hour are always kept, and so is each edge of a gap (a non-finite value, e.g. a health
/// factor without debt), so gaps stay where they are.
/// </summary>
internal static class ExtremaDownsampler
{
    /// <summary>
    /// The hours to draw, ascending: every hour when <paramref name="length"/> ≤ <paramref name="maxPoints"/>,
    /// otherwise at most <paramref name="maxPoints"/> hours plus the edges of gaps. Several series share one
    /// selection (a stacked chart's edges must share their x positions); each then keeps its own extremes.
    /// </summary>
    public static int[] Select(IReadOnlyList<double[]> series, int length, int maxPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPoints, 4);
        if (length <= maxPoints)
        {
            return [.. Enumerable.Range(0, length)];
        }

        var keep = new bool[length];
        keep[0] = true;
        keep[length - 1] = true;
        var buckets = Math.Max(1, (maxPoints - 2) / (2 * Math.Max(1, series.Count)));
        for (var b = 0; b < buckets; b++)
        {
            var from = (int)((long)b * length / buckets);
            var to = (int)((long)(b + 1) * length / buckets);
            foreach (var values in series)
            {
                KeepExtremes(values, from, to, keep);
            }
        }

        foreach (var values in series)
        {
            for (var h = 1; h < length; h++)
            {
                if (double.IsFinite(values[h]) != double.IsFinite(values[h - 1]))
                {
                    keep[h - 1] = true;
                    keep[h] = true;
                }
            }
        }

        var selected = new List<int>(maxPoints);
        for (var h = 0; h < length; h++)
        {
            if (keep[h])
            {
                selected.Add(h);
            }
        }

        return [.. selected];
    }

    private static void KeepExtremes(double[] values, int from, int to, bool[] keep)
    {
        int min = -1, max = -1;
        for (var h = from; h < to; h++)
        {
            var value = values[h];
            if (!double.IsFinite(value))
            {
                continue;
            }

            if (min < 0 || value < values[min])
            {
                min = h;
            }

            if (max < 0 || value > values[max])
            {
                max = h;
            }
        }

        if (min >= 0)
        {
            keep[min] = true;
            keep[max] = true;
        }
    }
}
