namespace Basis.Venues.Exchanges;

/// <summary>
/// An order to place. <see cref="ClientOrderId"/> is what makes a retry safe: the caller supplies it, or derives it
/// from the intent with <see cref="ClientOrderIds.Derive"/>, so that the same intent always carries the same id.
/// </summary>
public sealed record OrderRequest
{
    public OrderRequest(
        TradingAccount account, string symbol, OrderSide side, OrderType type, decimal quantity, string clientOrderId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ClientOrderIds.Validate(clientOrderId);
        Account = account;
        Symbol = symbol;
        Side = side;
        Type = type;
        Quantity = quantity;
        ClientOrderId = clientOrderId;
    }

    public TradingAccount Account { get; }
    public string Symbol { get; }
    public OrderSide Side { get; }
    public OrderType Type { get; }

    /// <summary>Base-asset quantity.</summary>
    public decimal Quantity { get; }

    public string ClientOrderId { get; }

    /// <summary>Required for <see cref="OrderType.Limit"/>, not allowed for <see cref="OrderType.Market"/>.</summary>
    public decimal? LimitPrice { get; init; }

    /// <summary>Perpetuals only: the order may only reduce the position.</summary>
    public bool ReduceOnly { get; init; }

    public static OrderRequest Market(TradingAccount account, string symbol, OrderSide side, decimal quantity, string clientOrderId) =>
        new(account, symbol, side, OrderType.Market, quantity, clientOrderId);

    public static OrderRequest Limit(
        TradingAccount account, string symbol, OrderSide side, decimal quantity, decimal limitPrice, string clientOrderId)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limitPrice);
        return new(account, symbol, side, OrderType.Limit, quantity, clientOrderId) { LimitPrice = limitPrice };
    }

    /// <summary>Throws when the request cannot be sent as it is (a limit without price, reduce-only on spot).</summary>
    public void EnsureConsistent()
    {
        if (Type == OrderType.Limit && LimitPrice is null)
            throw new ArgumentException($"Limit order {ClientOrderId} needs a LimitPrice.");
        if (Type == OrderType.Market && LimitPrice is not null)
            throw new ArgumentException($"Market order {ClientOrderId} must not carry a LimitPrice.");
        if (ReduceOnly && Account == TradingAccount.Spot)
            throw new ArgumentException($"Order {ClientOrderId}: ReduceOnly applies to perpetuals only.");
    }
}
