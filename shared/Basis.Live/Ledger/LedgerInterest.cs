namespace Basis.Live.Ledger;

/// <summary>
/// AAVE interest booked on one holding of an instance (<c>aave_v3</c> supplied, or <c>aave_v3_debt</c> owed, negative):
/// <c>Amount</c> accrued since the holding's previous booking on the balance that booking left, from its reserve index
/// to <c>ReserveIndex</c>; <c>BalanceAfter</c> the ledger's balance of the holding with it.
/// </summary>
public sealed record LedgerInterest(
    string InstanceId,
    string Location,
    string Asset,
    decimal Amount,
    decimal ReserveIndex,
    decimal BalanceAfter,
    DateTimeOffset BookedUtc);
