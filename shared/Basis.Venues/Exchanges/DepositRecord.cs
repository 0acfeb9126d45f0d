namespace Basis.Venues.Exchanges;

/// <summary>
/// A deposit as the venue lists it. TxHash: the chain transaction, lower-case 0x…. Time: when the venue first saw it.
/// </summary>
public sealed record DepositRecord(string Asset, decimal Amount, string TxHash, DepositStatus Status, DateTimeOffset Time);
