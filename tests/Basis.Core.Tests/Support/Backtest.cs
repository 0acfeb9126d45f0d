using Basis.Core.Results;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Stress;

namespace Basis.Core.Tests.Support;

/// <summary>Runs a mode over a synthetic market the way the host does: plan data, align it, simulate.</summary>
internal static class Backtest
{
    public static BacktestResult Run(SyntheticMarket market, ModeSettings mode, double capital, VenueSettings? venues = null, IReadOnlyList<CapitalFlow>? flows = null, IReadOnlyList<MarketShock>? shocks = null)
    {
        var strategy = StrategyCatalog.Create(mode);
        var data = StressScenario.Apply(market.Build(DataPlan.Requests(mode, strategy)), shocks ?? []);
        var spec = new BacktestSpec("test", mode, venues ?? TestSettings.Venues(), market.Grid.Start, market.Grid.End, capital, "hash", "synthetic", flows, shocks?.Select(s => s.Describe()).ToList());
        return BacktestEngine.Run(spec, strategy, data);
    }

    public static double Source(this BacktestResult result, AttributionSource source) => result.Summary.Attribution[source.Name()];

    public static Result Wrap(BacktestResult result) => new(result.FinalPositions);

    /// <summary>Final positions, with absent keys read as zero.</summary>
    public sealed record Result(IReadOnlyDictionary<string, double> Positions);
}
