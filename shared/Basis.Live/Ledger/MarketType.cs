namespace Basis.Live.Ledger;

/// <summary>Which book a fill traded on, which decides what it changes: a perp position, or token balances.</summary>
public enum MarketType
{
    /// <summary>A USDⓈ-margined perpetual: changes the signed position; realised P&amp;L settles in the quote asset.</summary>
    Perp,

    /// <summary>Spot: exchanges base for quote.</summary>
    Spot,
}
