namespace Basis.Live.Ledger;

/// <summary>
/// A perpetual position rebuilt from fills and funding. <c>Size</c> is signed, in base units (positive long, negative
/// short); <c>AverageEntryPrice</c> is the size-weighted price of the open size (0 when flat); <c>RealisedPnl</c> is
/// the closed trades' P&amp;L and <c>Funding</c> the funding received (positive) or paid, both in the quote asset and
/// before fees.
/// </summary>
public sealed record PerpHolding(string Venue, string Symbol, decimal Size, decimal AverageEntryPrice, decimal RealisedPnl, decimal Funding);
