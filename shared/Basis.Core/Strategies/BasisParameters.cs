using Basis.Core.Instruments;

namespace Basis.Core.Strategies;

/// <summary>Spot/perp basis: long spot, short perps across venues, earn funding.</summary>
/// <param name="Asset">BTC or ETH.</param>
/// <param name="SpotVenue">Where the spot leg is bought and held.</param>
/// <param name="HedgeAllocation">Split of the short over venues.</param>
/// <param name="MarginFraction">
/// Perp margin as a fraction m of notional: of equity E, spot = E/(1+m) and margin = mE/(1+m) (DESIGN §5).
/// </param>
/// <param name="MarginTopUpThreshold">Rebalance when a venue's margin ratio falls below this.</param>
/// <param name="MarginExcessThreshold">Rebalance when a venue's margin ratio rises above this.</param>
/// <param name="MaxDeltaDrift">Rebalance when |net delta| exceeds this fraction of the spot leg.</param>
/// <param name="PositionDeviationThreshold">Rebalance when equity moved this fraction since the last rebalance.</param>
public sealed record BasisParameters(
    Asset Asset,
    Venue SpotVenue,
    HedgeAllocation HedgeAllocation,
    double MarginFraction,
    double MarginTopUpThreshold,
    double MarginExcessThreshold,
    double MaxDeltaDrift,
    double PositionDeviationThreshold) : StrategyParameters;
