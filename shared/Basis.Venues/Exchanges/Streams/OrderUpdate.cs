namespace Basis.Venues.Exchanges.Streams;

/// <summary>
/// One change to one of our orders, venue-neutral: <paramref name="Execution"/> is what happened (the venue's execution
/// type: NEW, TRADE, CANCELED, EXPIRED, …), <paramref name="Status"/> where the order now stands, the last fill (zero
/// when this update is not a fill) and the totals so far.
/// </summary>
public sealed record OrderUpdate(
    string Symbol,
    string ClientOrderId,
    string OrderId,
    OrderSide Side,
    string Execution,
    OrderStatus Status,
    decimal Quantity,
    decimal Price,
    decimal FilledQuantity,
    decimal AveragePrice,
    decimal LastFillQuantity,
    decimal LastFillPrice,
    DateTimeOffset EventTime);
