namespace Basis.Data.Sample;

/// <summary>
/// An asset's common price path, which every venue quotes with its own noise: a geometric random walk whose
/// hourly shocks mix the market factor with the asset's own, scaled by the shared volatility regime.
/// </summary>
internal sealed class PricePath
{
    private const double HoursPerYear = 8760;

    private PricePath(double[] prices, double[] hourlyVolatility, double[] shocks, double[] volatilityMultiplier)
    {
        Prices = prices;
        HourlyVolatility = hourlyVolatility;
        Shocks = shocks;
        VolatilityMultiplier = volatilityMultiplier;
    }

    /// <summary>Price at each hour boundary: <c>Prices[h]</c> is the price at hour h, for h = 0 … hours (one more than bars).</summary>
    public double[] Prices { get; }

    /// <summary>Standard deviation of the log return over hour h.</summary>
    public double[] HourlyVolatility { get; }

    /// <summary>The standard normal shock of hour h; volume rises with its size.</summary>
    public double[] Shocks { get; }

    /// <summary>The market's volatility multiplier in hour h; volume rises with it.</summary>
    public double[] VolatilityMultiplier { get; }

    public static PricePath Simulate(SampleAsset asset, MarketFactors market, ulong seed)
    {
        var hours = market.Shocks.Length;
        var own = SampleRandom.Stream(seed, "path/" + asset.Name);
        var marketWeight = asset.MarketFactorCorrelation;
        var ownWeight = Math.Sqrt(1 - (marketWeight * marketWeight));
        var baseVolatility = asset.AnnualVolatility / Math.Sqrt(HoursPerYear);

        var prices = new double[hours + 1];
        var volatility = new double[hours];
        var shocks = new double[hours];
        prices[0] = asset.StartPrice;
        for (var h = 0; h < hours; h++)
        {
            var z = (marketWeight * market.Shocks[h]) + (ownWeight * own.NextNormal());
            var sigma = baseVolatility * market.VolatilityMultiplier[h];

            // The −σ²/2 drift makes the price itself a martingale: the sample has no built-in trend.
            prices[h + 1] = prices[h] * PortableMath.Exp((sigma * z) - (0.5 * sigma * sigma));
            volatility[h] = sigma;
            shocks[h] = z;
        }

        return new PricePath(prices, volatility, shocks, market.VolatilityMultiplier);
    }
}
