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
    double PositionDeviationThreshold) : StrategyParameters
{
    internal static BasisParameters Bind(IParameterReader reader, ParameterContext context)
    {
        var asset = reader.OneOf("asset", Asset.Btc, Asset.Eth);
        var spotVenue = reader.OneOf("spot_venue", Venue.Binance, Venue.Bybit, Venue.Okx);
        var allocation = HedgeAllocation.Bind(reader);
        var margin = reader.Required<double>("margin_fraction", 0.01, 1);
        var topUp = reader.Required<double>("margin_topup_threshold", 0, 1);
        var excess = reader.Required<double>("margin_excess_threshold", 0, 10);
        if (!reader.HasErrors && !(topUp < margin && margin < excess))
        {
            reader.AddError("margin_fraction", $"must lie between margin_topup_threshold ({topUp}) and margin_excess_threshold ({excess}), got {margin}");
        }

        allocation.RequireTopUpAboveMaintenance(reader, topUp, context.Venues);
        var expectedPrice = $"spot/{spotVenue.Name()}/{asset.Symbol()}USDT";
        if (!reader.HasErrors && (!context.Prices.TryGetValue(asset, out var price) || price.Value != expectedPrice))
        {
            reader.AddError($"prices.{asset.Symbol()}", $"must be {expectedPrice}: the spot leg is valued where it is held (spot_venue: {spotVenue.Name()})");
        }

        return new BasisParameters(asset, spotVenue, allocation, margin, topUp, excess,
            reader.Required<double>("max_delta_drift", 0, 1),
            reader.Required<double>("position_deviation_threshold", 0, 1));
    }
}
