namespace Basis.ExchangeSimulator.Accounting;

/// <summary>An order as the venue keeps it: what was asked, what filled and at what average price.</summary>
public sealed class SimOrder
{
    public required long OrderId { get; init; }

    public required string ClientOrderId { get; init; }

    public Product Product { get; init; }

    public required string Symbol { get; init; }

    public required OrderSide Side { get; init; }

    public required OrderType Type { get; init; }

    public required decimal Quantity { get; init; }

    /// <summary>The limit price; 0 for market orders (as Binance reports it).</summary>
    public required decimal Price { get; init; }

    public required bool ReduceOnly { get; init; }

    public required string TimeInForce { get; init; }

    public required long TimeMs { get; init; }

    public OrderStatus Status { get; set; }

    public decimal ExecutedQuantity { get; set; }

    /// <summary>Quote value of the fills (Σ quantity × price).</summary>
    public decimal CumulativeQuote { get; set; }

    public long UpdateTimeMs { get; set; }

    /// <summary>Fees paid so far, in <see cref="FeeAsset"/> (the quote asset; on spot the asset the fills brought in).</summary>
    public decimal Fee { get; set; }

    /// <summary>Empty until the first fill.</summary>
    public string FeeAsset { get; set; } = string.Empty;

    public decimal AveragePrice => ExecutedQuantity == 0 ? 0m : CumulativeQuote / ExecutedQuantity;

    public bool IsOpen => Status is OrderStatus.New || (Status is OrderStatus.PartiallyFilled && Type is OrderType.Limit);

    public decimal SignedQuantity(decimal quantity) => Side is OrderSide.Buy ? quantity : -quantity;
}
