using Basis.Core.Market;

namespace Basis.Data.Sample;

/// <summary>
/// Perp basis and funding of one asset, driven by one "funding pressure" (demand for leveraged longs): it sets
/// both the premium of every venue's mark over spot and the rate every venue publishes, so basis and funding
/// agree in sign and size as they do in the market. Each venue adds its own noise to both.
/// </summary>
internal sealed class PerpFundingSimulator
{
    private const long SecondsPerHour = 3600;

    private readonly SampleDataOptions _options;
    private readonly double[] _pressure;

    public PerpFundingSimulator(SampleAsset asset, SampleDataOptions options, int hours)
    {
        _options = options;
        var random = SampleRandom.Stream(options.Seed, "funding/" + asset.Name);
        var pressure = new MeanRevertingProcess(options.FundingMean, options.FundingSd, options.FundingHalfLifeHours,
            options.FundingMean + (options.FundingSd * random.NextNormal()));
        var noiseSd = options.BasisNoiseBps * 1e-4;
        var noise = new MeanRevertingProcess(0, noiseSd, options.BasisNoiseHalfLifeHours, noiseSd * random.NextNormal());

        // One value per hour boundary (hours + 1), like the price path the basis multiplies.
        _pressure = new double[hours + 1];
        CommonBasis = new double[hours + 1];
        for (var h = 0; h <= hours; h++)
        {
            _pressure[h] = pressure.Value;
            CommonBasis[h] = (options.BasisPerFunding * pressure.Value) + noise.Value;
            pressure.Step(random.NextNormal());
            noise.Step(random.NextNormal());
        }
    }

    /// <summary>The asset-wide premium of perp marks over spot at each hour boundary, as a fraction.</summary>
    public double[] CommonBasis { get; }

    /// <summary>
    /// The venue's funding rows: one at every hour whose Unix hour is a multiple of the funding interval
    /// (00:00, 08:00, 16:00 UTC for 8 h), rate = pressure + the venue's own mean-reverting deviation, capped.
    /// </summary>
    public SeriesData Funding(SamplePerpMarket market, long[] times)
    {
        var random = SampleRandom.Stream(_options.Seed, market.FundingSeries);
        var deviation = new MeanRevertingProcess(0, market.FundingDeviationSd, _options.FundingVenueHalfLifeHours,
            market.FundingDeviationSd * random.NextNormal());
        var rowTimes = new List<long>();
        var rates = new List<double>();
        for (var h = 0; h < times.Length; h++)
        {
            if (times[h] / SecondsPerHour % _options.FundingIntervalHours == 0)
            {
                var rate = Math.Clamp(_pressure[h] + deviation.Value, -_options.FundingCap, _options.FundingCap);
                rowTimes.Add(times[h]);
                rates.Add(PortableMath.Quantize(rate, _options.FundingDecimals));
            }

            deviation.Step(random.NextNormal());
        }

        return new SeriesData(SeriesId.Parse(market.FundingSeries), [.. rowTimes], [[.. rates]]);
    }
}
