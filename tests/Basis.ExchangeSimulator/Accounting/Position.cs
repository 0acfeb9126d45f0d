namespace Basis.ExchangeSimulator.Accounting;

/// <summary>
/// A one-way (net) position in a linear perpetual: signed size in base units (long positive) and the average entry
/// price exchanges keep: adding re-weights it by quantity, reducing leaves it and realises PnL, flipping starts
/// the remainder at the fill price.
/// </summary>
public sealed class Position(string symbol)
{
    public string Symbol { get; } = symbol;

    public decimal Size { get; private set; }

    public decimal EntryPrice { get; private set; }

    /// <summary>PnL realised by every reduction so far (before fees and funding).</summary>
    public decimal RealisedPnl { get; private set; }

    public long UpdateTimeMs { get; private set; }

    /// <summary>Applies a fill of <paramref name="signedQuantity"/> (buy positive) at <paramref name="price"/>; returns the PnL it realises.</summary>
    public decimal Apply(decimal signedQuantity, decimal price, long timeMs)
    {
        UpdateTimeMs = timeMs;
        if (Size == 0 || Math.Sign(Size) == Math.Sign(signedQuantity))
        {
            var newSize = Size + signedQuantity;
            EntryPrice = ((Size * EntryPrice) + (signedQuantity * price)) / newSize;
            Size = newSize;
            return 0m;
        }

        var closed = Math.Min(Math.Abs(signedQuantity), Math.Abs(Size));
        var realised = closed * (price - EntryPrice) * Math.Sign(Size);
        RealisedPnl += realised;
        var remainder = Size + signedQuantity;
        if (remainder == 0)
        {
            EntryPrice = 0m;
        }
        else if (Math.Sign(remainder) != Math.Sign(Size))
        {
            EntryPrice = price;
        }

        Size = remainder;
        return realised;
    }

    /// <summary>Unrealised PnL at <paramref name="mark"/>.</summary>
    public decimal UnrealisedPnl(decimal mark) => Size * (mark - EntryPrice);

    /// <summary>The funding this position receives (negative: pays) at <paramref name="rate"/>: −size × mark × rate, so longs pay a positive rate.</summary>
    public decimal FundingPayment(decimal mark, decimal rate) => -Size * mark * rate;
}
