namespace Basis.Core.Stress;

/// <summary>Applies shocks, in order, to a run's market data; the original data is left untouched.</summary>
public static class StressScenario
{
    /// <summary>The stressed copy of <paramref name="market"/>.</summary>
    public static Market.MarketData Apply(Market.MarketData market, IReadOnlyList<MarketShock> shocks)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(shocks);
        var result = market;
        foreach (var shock in shocks)
        {
            if (shock.StartUtc < market.Grid.Start || shock.StartUtc >= market.Grid.End || !Time.HourGrid.IsWholeUtcHour(shock.StartUtc))
            {
                throw new StressScenarioException($"The shock \"{shock.Describe()}\" must start on a whole UTC hour inside the run ({market.Grid.Start:yyyy-MM-ddTHH:mm}Z → {market.Grid.End:yyyy-MM-ddTHH:mm}Z).");
            }

            result = shock.Apply(result, (int)((shock.StartUtc - market.Grid.Start).Ticks / TimeSpan.TicksPerHour));
        }

        return result;
    }
}
