namespace Basis.Live.Ledger;

/// <summary>
/// A perpetual's funding settlement, once per venue, symbol and funding time. <c>Amount</c> is received when positive,
/// paid when negative, in <c>Asset</c>.
/// </summary>
public sealed record LedgerFunding(string InstanceId, string Venue, string Symbol, string Asset, decimal Amount, DateTimeOffset PaidUtc);
