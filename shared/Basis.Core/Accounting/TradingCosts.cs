namespace Basis.Core.Accounting;

/// <summary>Fees and slippage as amounts of the quote currency.</summary>
public static class TradingCosts
{
    /// <summary>The cost of <paramref name="bps"/> basis points on <paramref name="notional"/>.</summary>
    public static double OfBps(double notional, double bps) => Math.Abs(notional) * bps / 10_000;
}
