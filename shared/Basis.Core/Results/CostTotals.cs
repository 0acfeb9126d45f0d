namespace Basis.Core.Results;

/// <summary>Costs paid over a run, as positive amounts in the share class.</summary>
public sealed record CostTotals(double TradingFees, double Slippage, double Gas);
