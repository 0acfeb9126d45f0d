namespace Basis.Venues.Exchanges;

/// <summary>
/// Quantity: Signed size in the base asset: positive long, negative short.
/// LiquidationPrice: Null when the venue reports none (for example a well-collateralised cross position).
/// </summary>
public sealed record PerpPosition(
    string Symbol,
    decimal Quantity,
    decimal EntryPrice,
    decimal MarkPrice,
    decimal UnrealisedPnl,
    decimal Leverage,
    MarginMode MarginMode,
    decimal? LiquidationPrice)
{
    public bool IsLong => Quantity > 0;
}
