using Basis.Core.Market;
using Basis.Core.Time;

namespace Basis.Data.Sample;

/// <summary>
/// Ether.fi reward payouts to eETH/weETH holders: weekly EIGEN (via KING), paid at the end of each 7-day period,
/// and occasional ETHFI top-ups paid a week or two after their earning period ends. A payout inside the sample
/// may pay for a period that started before it, as real ones do.
/// </summary>
internal static class EtherfiRewardsSimulator
{
    private const long SecondsPerDay = 86_400;

    /// <summary><c>rewards/etherfi/EIGEN</c>: one row per period whose end (the payout) falls in the sample.</summary>
    public static SeriesData Eigen(SampleDataOptions options)
    {
        var id = SeriesId.Parse("rewards/etherfi/EIGEN");
        var random = SampleRandom.Stream(options.Seed, id.Value);
        var anchor = UnixTime.ToSeconds(options.EigenPeriodAnchorUtc);
        var start = UnixTime.ToSeconds(options.StartUtc);
        var end = UnixTime.ToSeconds(options.EndUtc);
        var period = options.EigenPeriodDays * SecondsPerDay;

        var rows = new RewardRows();
        var perEeth = options.EigenPerEethStart;
        var first = FloorDivide(start - anchor, period) - 1; // the last period ending before the sample starts
        for (var k = first; anchor + ((k + 1) * period) < end; k++)
        {
            var periodStart = anchor + (k * period);
            var payout = periodStart + period;
            if (payout < start)
            {
                continue;
            }

            rows.Add(payout, periodStart, payout, PortableMath.Quantize(perEeth, options.RewardDecimals));
            perEeth = MeanRevertingProcess.Reflect(perEeth + (options.EigenPerEethWeeklySd * random.NextNormal()), options.EigenPerEethMin, options.EigenPerEethMax);
        }

        return rows.ToSeries(id);
    }

    /// <summary>
    /// <c>rewards/etherfi/ETHFI</c>: <see cref="SampleDataOptions.EthfiTopUps"/> payouts at midnights spread
    /// evenly over the sample, each for a 1–N week period that ended 7–14 days before.
    /// </summary>
    public static SeriesData Ethfi(SampleDataOptions options)
    {
        var id = SeriesId.Parse("rewards/etherfi/ETHFI");
        var random = SampleRandom.Stream(options.Seed, id.Value);
        var start = UnixTime.ToSeconds(options.StartUtc);
        var firstMidnight = (FloorDivide(start - 1, SecondsPerDay) + 1) * SecondsPerDay;
        var wholeDays = (UnixTime.ToSeconds(options.EndUtc) - firstMidnight) / SecondsPerDay;
        var count = options.EthfiTopUps;

        var rows = new RewardRows();
        for (var i = 0; i < count; i++)
        {
            // The middle of the i-th of `count` equal slices of the sample; slices are at least a day wide, so
            // payout days are distinct.
            var payout = firstMidnight + (((2 * i) + 1) * wholeDays / (2 * count) * SecondsPerDay);
            var periodEnd = payout - (random.NextInt(options.EthfiPayoutDelayDaysMin, options.EthfiPayoutDelayDaysMax) * SecondsPerDay);
            var periodStart = periodEnd - (random.NextInt(1, options.EthfiPeriodWeeksMax) * 7 * SecondsPerDay);
            var perEeth = random.NextUniform(options.EthfiPerEethMin, options.EthfiPerEethMax);
            rows.Add(payout, periodStart, periodEnd, PortableMath.Quantize(perEeth, options.RewardDecimals));
        }

        return rows.ToSeries(id);
    }

    private static long FloorDivide(long numerator, long denominator)
    {
        var quotient = numerator / denominator;
        return (numerator % denominator != 0) && ((numerator < 0) != (denominator < 0)) ? quotient - 1 : quotient;
    }

    private sealed class RewardRows
    {
        private readonly List<long> _payouts = [];
        private readonly List<double> _periodStarts = [];
        private readonly List<double> _periodEnds = [];
        private readonly List<double> _tokensPerEeth = [];

        public void Add(long payout, long periodStart, long periodEnd, double tokensPerEeth)
        {
            _payouts.Add(payout);
            _periodStarts.Add(periodStart);
            _periodEnds.Add(periodEnd);
            _tokensPerEeth.Add(tokensPerEeth);
        }

        // estimated = 0: the sample stands in for published distributions, not for estimates of them.
        public SeriesData ToSeries(SeriesId id) =>
            new(id, [.. _payouts], [[.. _periodStarts], [.. _periodEnds], [.. _tokensPerEeth], new double[_payouts.Count]]);
    }
}
