namespace Basis.Live.Ledger;

/// <summary>An amount of one token at one location (a venue account or the wallet), rebuilt from the ledger.</summary>
public sealed record TokenBalance(string Location, string Asset, decimal Amount);
