namespace Basis.Venues.Exchanges.Okx;

/// <summary>OKX v5's order <c>state</c> (REST orders and the <c>orders</c> channel alike).</summary>
internal static class OkxOrderStates
{
    public static OrderStatus Parse(string state) => state switch
    {
        "live" => OrderStatus.New,
        "partially_filled" => OrderStatus.PartiallyFilled,
        "filled" => OrderStatus.Filled,
        "canceled" or "mmp_canceled" => OrderStatus.Canceled,
        _ => throw new ExchangeException(ExchangeVenue.Okx, ExchangeErrorKind.Unknown, null, $"Unrecognised order state '{state}'."),
    };
}
