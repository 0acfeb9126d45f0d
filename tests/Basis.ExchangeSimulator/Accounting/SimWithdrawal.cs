namespace Basis.ExchangeSimulator.Accounting;

/// <summary>
/// A withdrawal: requested (amount and fee debited), then, with a chain configured, sent from the hot wallet
/// (<see cref="TxHash"/>) and complete once its transfer has the confirmations; without a chain it stays requested.
/// </summary>
public sealed record SimWithdrawal(long Id, string Asset, string Chain, string Address, string? Tag, decimal Amount, string? ClientId, long TimeMs)
{
    /// <summary>The venue's fee, debited on top of <see cref="Amount"/>.</summary>
    public decimal Fee { get; init; }

    public WithdrawalState State { get; set; } = WithdrawalState.Requested;

    /// <summary>The transfer's hash (lower-case 0x…), once sent.</summary>
    public string? TxHash { get; set; }

    public long UpdateTimeMs { get; set; } = TimeMs;
}

public enum WithdrawalState
{
    /// <summary>Debited, not yet on chain.</summary>
    Requested,

    /// <summary>The transfer is broadcast, short of its confirmations.</summary>
    Sent,

    Completed,

    /// <summary>The transfer could not be sent or reverted; amount and fee were given back.</summary>
    Failed,
}
