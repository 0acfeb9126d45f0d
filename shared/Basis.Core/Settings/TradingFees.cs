namespace Basis.Core.Settings;

/// <summary>A venue's fee schedule for one market, in basis points of notional.</summary>
public sealed record TradingFees(double MakerBps, double TakerBps);
