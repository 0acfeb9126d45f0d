using Basis.Venues.Exchanges;

namespace Basis.Live.Ledger;

/// <summary>
/// An order as the ledger knows it. <c>ClientOrderId</c> is unique per instance and venue: saving the same one again
/// records its progress (venue order id once it answered, status, reason) rather than adding an order. <c>Price</c>
/// is the limit price, null for a market order; <c>Reason</c> says why it was placed, rejected or cancelled.
/// </summary>
public sealed record LedgerOrder(
    string InstanceId,
    string Venue,
    string ClientOrderId,
    string Symbol,
    OrderSide Side,
    OrderType Type,
    decimal Quantity,
    decimal? Price,
    string? VenueOrderId,
    OrderStatus Status,
    string? Reason,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc)
{
    /// <summary>The market the order trades: the venue's perpetual (its futures account) unless said otherwise.</summary>
    public MarketType Market { get; init; } = MarketType.Perp;
}
