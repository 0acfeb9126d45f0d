namespace Basis.Venues.Exchanges.Streams;

/// <summary>Binance's execution types for the venues whose order pushes carry none (Bybit, OKX), so consumers see one vocabulary.</summary>
internal static class OrderExecution
{
    /// <summary>
    /// TRADE when the update brings a fill; otherwise what the status says, and AMENDMENT for a change that neither
    /// fills nor moves the status (a new price or quantity).
    /// </summary>
    public static string Of(OrderStatus status, decimal lastFillQuantity) => lastFillQuantity > 0
        ? "TRADE"
        : status switch
        {
            OrderStatus.New => "NEW",
            OrderStatus.Canceled => "CANCELED",
            OrderStatus.Expired => "EXPIRED",
            OrderStatus.Rejected => "REJECTED",
            _ => "AMENDMENT",
        };
}
