using Basis.Core.Market;

namespace Basis.Data.Sample;

/// <summary>
/// An AAVE v3 reserve's hourly indices and rates. A latent utilisation pressure (stationary N(0, 1)) wanders and,
/// through a logistic curve, places both rates inside their ranges at the same relative height, as AAVE's rate
/// model makes both functions of utilisation. Indices compound the published rates:
/// <c>index(h+1) = index(h) × (1 + rate(h) / 8760)</c>, so a reader can recompute every index from the rates.
/// </summary>
internal static class AaveReserveSimulator
{
    private const double HoursPerYear = 8760; // AAVE's SECONDS_PER_YEAR is 365 days

    // Slope of the logistic: with pressure ~ N(0, 1), rates spend most time between 5% and 95% of their range.
    private const double UtilisationSlope = 1.6;

    public static SeriesData Build(SampleAaveReserve reserve, long[] times, SampleDataOptions options)
    {
        var id = SeriesId.Parse($"aave/ethereum/{reserve.Asset}");
        var random = SampleRandom.Stream(options.Seed, id.Value);
        var pressure = new MeanRevertingProcess(0, 1, options.AaveRateHalfLifeHours, random.NextNormal());
        var hours = times.Length;
        var liquidityIndex = new double[hours];
        var borrowIndex = new double[hours];
        var supplyRate = new double[hours];
        var borrowRate = new double[hours];
        var liquidity = reserve.LiquidityIndexStart;
        var borrow = reserve.BorrowIndexStart;
        for (var h = 0; h < hours; h++)
        {
            var level = pressure.Value + (options.AaveRateJitter * random.NextNormal());
            var share = 1 / (1 + PortableMath.Exp(-UtilisationSlope * level));
            supplyRate[h] = PortableMath.Quantize(reserve.SupplyRateMin + ((reserve.SupplyRateMax - reserve.SupplyRateMin) * share), options.AaveRateDecimals);
            borrowRate[h] = PortableMath.Quantize(reserve.BorrowRateMin + ((reserve.BorrowRateMax - reserve.BorrowRateMin) * share), options.AaveRateDecimals);
            liquidityIndex[h] = liquidity;
            borrowIndex[h] = borrow;

            // Indices keep full precision: they are cumulative products, and rounding them would blur an hourly
            // growth of ~1e-8 on the low-rate reserves.
            liquidity *= 1 + (supplyRate[h] / HoursPerYear);
            borrow *= 1 + (borrowRate[h] / HoursPerYear);
            pressure.Step(random.NextNormal());
        }

        return new SeriesData(id, times, [liquidityIndex, borrowIndex, supplyRate, borrowRate]);
    }
}
