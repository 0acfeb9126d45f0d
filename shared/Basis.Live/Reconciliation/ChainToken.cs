namespace Basis.Live.Reconciliation;

/// <summary>An ERC-20 token the chain reader reads: its symbol as the ledger names it, its contract and its decimals.</summary>
public sealed record ChainToken(string Symbol, string Address, int Decimals);
