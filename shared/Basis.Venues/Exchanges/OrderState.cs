namespace Basis.Venues.Exchanges;

/// <summary>
/// AverageFillPrice: Null until something has filled.
/// </summary>
public sealed record OrderState(
    TradingAccount Account,
    string Symbol,
    string ClientOrderId,
    string VenueOrderId,
    OrderSide Side,
    OrderType Type,
    OrderStatus Status,
    decimal Quantity,
    decimal FilledQuantity,
    decimal? LimitPrice,
    decimal? AverageFillPrice);
