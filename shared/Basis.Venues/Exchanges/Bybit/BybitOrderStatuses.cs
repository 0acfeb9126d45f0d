namespace Basis.Venues.Exchanges.Bybit;

/// <summary>Bybit v5's <c>orderStatus</c> (REST orders and the <c>order</c> stream topic alike).</summary>
internal static class BybitOrderStatuses
{
    public static OrderStatus Parse(string orderStatus) => orderStatus switch
    {
        "New" or "Created" or "Untriggered" or "Triggered" => OrderStatus.New,
        "PartiallyFilled" => OrderStatus.PartiallyFilled,
        "Filled" => OrderStatus.Filled,
        "Cancelled" or "PartiallyFilledCanceled" or "Deactivated" => OrderStatus.Canceled,
        "Rejected" => OrderStatus.Rejected,
        _ => throw new ExchangeException(ExchangeVenue.Bybit, ExchangeErrorKind.Unknown, null, $"Unrecognised order status '{orderStatus}'."),
    };
}
