namespace Basis.ExchangeSimulator.Accounting;

/// <summary>A withdrawal as requested; the simulator never sends it anywhere, it only debits the funding balance.</summary>
public sealed record SimWithdrawal(long Id, string Asset, string Chain, string Address, string? Tag, decimal Amount, string? ClientId, long TimeMs);
