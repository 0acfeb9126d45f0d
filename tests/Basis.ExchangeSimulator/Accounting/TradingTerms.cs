namespace Basis.ExchangeSimulator.Accounting;

/// <summary>A venue's fees (fractions of notional), maintenance margin rate and the simulator's market-order slippage.</summary>
public sealed record TradingTerms(decimal MakerFee, decimal TakerFee, decimal MaintenanceMarginRate, decimal SlippageFraction);
