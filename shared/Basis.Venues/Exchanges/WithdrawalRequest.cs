namespace Basis.Venues.Exchanges;

/// <summary>
/// ClientWithdrawalId: Our id for the withdrawal, sent where the venue accepts one so it shows in its history.
/// Tag: Memo or tag for networks that need one; null otherwise.
/// </summary>
public sealed record WithdrawalRequest(
    string Asset, string Network, string Address, decimal Amount, string ClientWithdrawalId, string? Tag = null);
