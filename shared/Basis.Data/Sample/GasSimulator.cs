using Basis.Core.Market;

namespace Basis.Data.Sample;

/// <summary>
/// Ethereum gas, hourly. Base fee = median × intraday shape × lognormal swing, or a decaying congestion spike
/// when one is higher; priority-fee percentiles from a lognormal median with p25 and p75 as random fractions and
/// multiples of it, so p25 ≤ p50 ≤ p75 always.
/// </summary>
internal static class GasSimulator
{
    private const long SecondsPerHour = 3600;
    private const double HoursPerWeek = 168;

    public static SeriesData Build(long[] times, SampleDataOptions options)
    {
        var id = SeriesId.Parse("gas/ethereum");
        var random = SampleRandom.Stream(options.Seed, id.Value);
        var swing = new MeanRevertingProcess(0, options.GasBaseFeeLogSd, options.GasBaseFeeHalfLifeHours, options.GasBaseFeeLogSd * random.NextNormal());
        var priority = new MeanRevertingProcess(0, options.PriorityFeeLogSd, options.PriorityFeeHalfLifeHours, options.PriorityFeeLogSd * random.NextNormal());
        var spikeDecay = PortableMath.PersistenceForHalfLife(options.GasSpikeHalfLifeHours);
        var spikeProbability = options.GasSpikesPerWeek / HoursPerWeek;
        var (logSpikeMin, logSpikeMax) = (PortableMath.Log(options.GasSpikeMinGwei), PortableMath.Log(options.GasSpikeMaxGwei));
        var (feeMin, feeMax) = (options.PriorityFeeMinGwei, options.PriorityFeeMaxGwei);

        var hours = times.Length;
        var baseFee = new double[hours];
        var p25 = new double[hours];
        var p50 = new double[hours];
        var p75 = new double[hours];
        var spike = 0.0;
        for (var h = 0; h < hours; h++)
        {
            var hourOfDay = (int)(times[h] / SecondsPerHour % 24);
            var usual = options.GasBaseFeeMedianGwei * options.GasIntradayShape[hourOfDay] * PortableMath.Exp(swing.Value);
            spike *= spikeDecay;
            if (random.NextBernoulli(spikeProbability))
            {
                spike = Math.Max(spike, PortableMath.Exp(random.NextUniform(logSpikeMin, logSpikeMax)));
            }

            var median = Math.Clamp(options.PriorityFeeMedianGwei * PortableMath.Exp(priority.Value), feeMin, feeMax);
            var lower = Math.Clamp(median * random.NextUniform(options.PriorityFeeP25RatioMin, options.PriorityFeeP25RatioMax), feeMin, feeMax);
            var upper = Math.Clamp(median * random.NextUniform(options.PriorityFeeP75RatioMin, options.PriorityFeeP75RatioMax), feeMin, feeMax);

            baseFee[h] = PortableMath.Quantize(Math.Max(usual, spike), options.GasDecimals);
            p25[h] = PortableMath.Quantize(lower, options.GasDecimals);
            p50[h] = PortableMath.Quantize(median, options.GasDecimals);
            p75[h] = PortableMath.Quantize(upper, options.GasDecimals);
            swing.Step(random.NextNormal());
            priority.Step(random.NextNormal());
        }

        return new SeriesData(id, times, [baseFee, p25, p50, p75]);
    }
}
