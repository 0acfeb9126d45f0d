using Basis.Core.Time;
using Basis.Data.Import;

namespace Basis.Data.Tests.Import;

public sealed class GapFinderTests
{
    private static readonly DateTime Start = new(2024, 2, 9, 22, 0, 0, DateTimeKind.Utc);

    private static long At(double hours) => UnixTime.ToSeconds(Start.AddHours(hours));

    [Fact]
    public void Missing_hours_are_reported_as_ranges()
    {
        // 22:00 and 23:00 on the 9th, then nothing until 00:00 on the 11th: the 24 hours of the 10th are missing.
        long[] times = [At(0), At(1), At(26), At(27), At(29)];

        var gaps = GapFinder.MissingSteps(times, 3600);

        Assert.Equal(2, gaps.Count);
        Assert.Equal(25, gaps.MissingHours);
        Assert.Equal(new GapRange(Start.AddHours(2), Start.AddHours(25), 24), gaps.FirstRanges[0]);
        Assert.Equal(new GapRange(Start.AddHours(28), Start.AddHours(28), 1), gaps.FirstRanges[1]);
    }

    [Fact]
    public void Funding_gaps_are_intervals_longer_than_one_and_a_half_median_intervals()
    {
        // Every 8 h, except that the three funding times of one day are missing (a 32 h interval).
        long[] times = [At(0), At(8), At(16), At(48), At(56), At(64)];

        var gaps = GapFinder.LongIntervals(times);

        Assert.Equal(1, gaps.Count);
        Assert.Equal(24, gaps.MissingHours);
        Assert.Equal(new GapRange(Start.AddHours(24), Start.AddHours(40), 24), Assert.Single(gaps.FirstRanges));
    }

    [Fact]
    public void A_funding_interval_of_twelve_hours_among_eight_is_not_a_gap()
    {
        long[] times = [At(0), At(8), At(16), At(28), At(36)];

        Assert.Equal(0, GapFinder.LongIntervals(times).Count);
    }
}
