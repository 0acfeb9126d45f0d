namespace Basis.ExchangeSimulator.Accounting;

/// <summary>A linear perpetual the simulator lists: its assets and the venue's quantity step and price tick.</summary>
public sealed record Instrument(string Symbol, string BaseAsset, string QuoteAsset, decimal QuantityStep, decimal PriceTick, decimal MinNotional);
