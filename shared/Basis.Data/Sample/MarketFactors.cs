namespace Basis.Data.Sample;

/// <summary>
/// What moves every asset of the sample together: one crypto-market shock per hour, and one volatility
/// multiplier per hour (calm and turbulent spells hit all venues and assets at once).
/// </summary>
internal sealed class MarketFactors
{
    private MarketFactors(double[] shocks, double[] volatilityMultiplier)
    {
        Shocks = shocks;
        VolatilityMultiplier = volatilityMultiplier;
    }

    /// <summary>Standard normal market shock of hour h (over [h, h+1)).</summary>
    public double[] Shocks { get; }

    /// <summary>Multiplier of every asset's volatility in hour h; its square averages exactly 1 over the sample.</summary>
    public double[] VolatilityMultiplier { get; }

    public static MarketFactors Simulate(SampleDataOptions options, int hours)
    {
        var shocksRandom = SampleRandom.Stream(options.Seed, "market/shocks");
        var regimeRandom = SampleRandom.Stream(options.Seed, "market/volatility");
        var sd = options.VolatilityRegimeSd;

        // log m is AR(1) around 0; m is then scaled so that its square averages exactly 1 over the sample. A
        // three-month sample holds only a dozen independent volatility spells, so without the scaling the
        // realised volatility would miss the configured one by ±20% depending on the seed.
        var logMultiplier = new MeanRevertingProcess(0, sd, options.VolatilityRegimeHalfLifeHours, sd * regimeRandom.NextNormal());
        var shocks = new double[hours];
        var multiplier = new double[hours];
        var sumOfSquares = 0.0;
        for (var h = 0; h < hours; h++)
        {
            shocks[h] = shocksRandom.NextNormal();
            multiplier[h] = PortableMath.Exp(logMultiplier.Value);
            sumOfSquares += multiplier[h] * multiplier[h];
            logMultiplier.Step(regimeRandom.NextNormal());
        }

        var scale = 1 / Math.Sqrt(sumOfSquares / hours);
        for (var h = 0; h < hours; h++)
        {
            multiplier[h] *= scale;
        }

        return new MarketFactors(shocks, multiplier);
    }
}
