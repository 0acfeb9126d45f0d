namespace Basis.Live.Ledger;

/// <summary>
/// Tokens moved between the instance's locations (venue accounts, the wallet), recorded once per <c>TransferId</c>.
/// A null <c>From</c> is a deposit into the instance, a null <c>To</c> a withdrawal out of it. <c>Amount</c> (positive)
/// left the source; <c>Fee</c> is the part of it that did not arrive.
/// </summary>
public sealed record LedgerTransfer(
    string InstanceId,
    string TransferId,
    string Asset,
    decimal Amount,
    decimal Fee,
    string? From,
    string? To,
    DateTimeOffset TransferredUtc);
