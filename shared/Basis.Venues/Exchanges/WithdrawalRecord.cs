namespace Basis.Venues.Exchanges;

/// <summary>
/// A withdrawal as the venue lists it. Amount: what is sent to Address; Fee: what the venue charged besides.
/// TxHash: the chain transaction, lower-case 0x…, once the venue has sent it.
/// </summary>
public sealed record WithdrawalRecord(
    string Id, string Asset, decimal Amount, decimal Fee, string Address, string? TxHash, WithdrawalStatus Status);
