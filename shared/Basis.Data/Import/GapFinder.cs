using Basis.Core.Time;

namespace Basis.Data.Import;

/// <summary>Reports gaps in a series; never fills them.</summary>
internal static class GapFinder
{
    /// <summary>A funding interval longer than this multiple of the median interval is a gap.</summary>
    public const double FundingGapFactor = 1.5;

    /// <summary>Missing steps of a regular series (hourly or daily) between its first and last rows.</summary>
    public static GapSummary MissingSteps(ReadOnlySpan<long> times, long stepSeconds)
    {
        var ranges = new List<GapRange>();
        var count = 0;
        var missingHours = 0.0;
        for (var i = 1; i < times.Length; i++)
        {
            var interval = times[i] - times[i - 1];
            if (interval <= stepSeconds)
            {
                continue;
            }

            var hours = (interval - stepSeconds) / 3600.0;
            count++;
            missingHours += hours;
            if (ranges.Count < GapSummary.MaxRangesListed)
            {
                ranges.Add(new GapRange(UnixTime.FromSeconds(times[i - 1] + stepSeconds), UnixTime.FromSeconds(times[i] - stepSeconds), hours));
            }
        }

        return new GapSummary(count, missingHours, ranges);
    }

    /// <summary>
    /// Gaps of an event series whose rows come at a typical interval (funding every 8 h): intervals longer than
    /// <see cref="FundingGapFactor"/> times the median. The missing range runs from one median interval after
    /// the row before the gap to one median interval before the row after it.
    /// </summary>
    public static GapSummary LongIntervals(ReadOnlySpan<long> times)
    {
        if (times.Length < 3)
        {
            return GapSummary.None;
        }

        var intervals = new long[times.Length - 1];
        for (var i = 1; i < times.Length; i++)
        {
            intervals[i - 1] = times[i] - times[i - 1];
        }

        var median = Median(intervals);
        var ranges = new List<GapRange>();
        var count = 0;
        var missingHours = 0.0;
        for (var i = 1; i < times.Length; i++)
        {
            var interval = times[i] - times[i - 1];
            if (interval <= FundingGapFactor * median)
            {
                continue;
            }

            var hours = (interval - median) / 3600.0;
            count++;
            missingHours += hours;
            if (ranges.Count < GapSummary.MaxRangesListed)
            {
                ranges.Add(new GapRange(UnixTime.FromSeconds(times[i - 1] + median), UnixTime.FromSeconds(times[i] - median), hours));
            }
        }

        return new GapSummary(count, missingHours, ranges);
    }

    private static long Median(long[] values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
