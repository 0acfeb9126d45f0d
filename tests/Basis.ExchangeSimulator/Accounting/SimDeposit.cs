namespace Basis.ExchangeSimulator.Accounting;

/// <summary>
/// An ERC-20 transfer to one of the account's deposit addresses, seen in block <see cref="BlockNumber"/>: one per
/// (<see cref="TxHash"/>, <see cref="LogIndex"/>), credited once it has the chain's confirmations.
/// </summary>
public sealed record SimDeposit(long Id, string Asset, string Chain, string Address, decimal Amount, string TxHash, long LogIndex, long BlockNumber, long TimeMs)
{
    /// <summary>Blocks on top of and including the deposit's, as last counted.</summary>
    public long Confirmations { get; set; }

    public bool Credited { get; set; }

    public long UpdateTimeMs { get; set; } = TimeMs;
}
