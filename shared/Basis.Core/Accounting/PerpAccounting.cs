namespace Basis.Core.Accounting;

/// <summary>Linear USDT-margined perpetuals: signed size in base units, average entry price, funding and margin.</summary>
public static class PerpAccounting
{
    /// <summary>Unrealised P&amp;L in USDT: <c>size × (mark − entry)</c>.</summary>
    public static double UnrealisedPnl(double size, double entryPrice, double mark) => size * (mark - entryPrice);

    /// <summary>
    /// Funding paid to the account at a funding time: <c>−size × mark × rate</c>. A short (size &lt; 0) receives
    /// when the rate is positive.
    /// </summary>
    public static double FundingPayment(double size, double mark, double rate) => -size * mark * rate;

    /// <summary>Margin ratio <c>(USDT balance + unrealised P&amp;L) / (|size| × mark)</c>; +∞ without a position.</summary>
    public static double MarginRatio(double usdtBalance, double unrealisedPnl, double size, double mark) =>
        size == 0 ? double.PositiveInfinity : (usdtBalance + unrealisedPnl) / (Math.Abs(size) * mark);

    /// <summary>
    /// Applies a fill of <paramref name="sizeDelta"/> at <paramref name="price"/> to a position. Adding to a position
    /// averages the entry; reducing realises P&amp;L on the closed part at the old entry; crossing zero realises the
    /// whole old position and opens the rest at the fill price.
    /// </summary>
    /// <returns>The new size, the new entry price and the realised P&amp;L in USDT.</returns>
    public static (double Size, double EntryPrice, double RealisedPnl) ApplyFill(double size, double entryPrice, double sizeDelta, double price)
    {
        var newSize = size + sizeDelta;
        if (size == 0 || Math.Sign(size) == Math.Sign(sizeDelta))
        {
            var entry = ((size * entryPrice) + (sizeDelta * price)) / newSize;
            return (newSize, entry, 0);
        }

        if (Math.Abs(sizeDelta) <= Math.Abs(size))
        {
            var closed = -sizeDelta;
            var realised = closed * (price - entryPrice);
            return (newSize, newSize == 0 ? 0 : entryPrice, realised);
        }

        var realisedAll = size * (price - entryPrice);
        return (newSize, price, realisedAll);
    }
}
