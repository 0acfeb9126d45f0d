using Basis.Core.Market;

namespace Basis.Data.Sample;

/// <summary>Turns a venue's prices at hour boundaries into hourly OHLCV bars labelled at their open.</summary>
internal static class BarSeriesBuilder
{
    /// <summary>
    /// A venue's price at every hour boundary: the common path × (1 + <paramref name="basis"/> + noise), with
    /// <paramref name="basis"/> null for spot.
    /// </summary>
    public static double[] Quote(double[] commonPrices, double[]? basis, double noiseBps, SampleRandom random)
    {
        var quoted = new double[commonPrices.Length];
        for (var h = 0; h < quoted.Length; h++)
        {
            var premium = (basis?[h] ?? 0) + (noiseBps * 1e-4 * random.NextNormal());
            quoted[h] = commonPrices[h] * (1 + premium);
        }

        return quoted;
    }

    /// <summary>
    /// Bars from boundary prices: bar h opens at <paramref name="venuePrices"/>[h] and closes at [h + 1], so each
    /// open equals the previous close. High and low are drawn as the extremes of a Brownian bridge between open and
    /// close with the hour's volatility (exact sampling: <c>max = (o + c + √((c − o)² − 2σ² ln U)) / 2</c>), so
    /// low ≤ min(open, close) ≤ max(open, close) ≤ high always, and rounding, being monotone, keeps that order.
    /// </summary>
    public static SeriesData Build(
        SeriesId id,
        long[] times,
        double[] venuePrices,
        PricePath path,
        double averageHourlyVolume,
        int priceDecimals,
        SampleDataOptions options,
        SampleRandom random)
    {
        var hours = times.Length;
        var open = new double[hours];
        var high = new double[hours];
        var low = new double[hours];
        var close = new double[hours];
        var volume = new double[hours];
        var volumeSd = options.VolumeLogSd;
        for (var h = 0; h < hours; h++)
        {
            var o = venuePrices[h];
            var c = venuePrices[h + 1];
            var sigmaPrice = path.HourlyVolatility[h] * 0.5 * (o + c);
            var twiceVariance = 2 * sigmaPrice * sigmaPrice;
            var gapSquared = (c - o) * (c - o);
            var top = 0.5 * (o + c + Math.Sqrt(gapSquared - (twiceVariance * PortableMath.Log(random.NextUniformPositive()))));
            var bottom = 0.5 * (o + c - Math.Sqrt(gapSquared - (twiceVariance * PortableMath.Log(random.NextUniformPositive()))));

            open[h] = PortableMath.Quantize(o, priceDecimals);
            close[h] = PortableMath.Quantize(c, priceDecimals);
            high[h] = PortableMath.Quantize(top, priceDecimals);
            low[h] = PortableMath.Quantize(Math.Max(bottom, 0.5 * Math.Min(o, c)), priceDecimals);

            // Volume follows activity: higher in turbulent spells and in hours with big moves (E[0.6 + 0.5|z|] ≈ 1).
            var activity = path.VolatilityMultiplier[h] * (0.6 + (0.5 * Math.Abs(path.Shocks[h])));
            var noise = PortableMath.Exp((volumeSd * random.NextNormal()) - (0.5 * volumeSd * volumeSd));
            volume[h] = PortableMath.Quantize(averageHourlyVolume * activity * noise, options.VolumeDecimals);
        }

        return new SeriesData(id, times, [open, high, low, close, volume]);
    }
}
