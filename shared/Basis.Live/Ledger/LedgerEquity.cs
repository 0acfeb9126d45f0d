namespace Basis.Live.Ledger;

/// <summary>
/// Equity at the end of a cycle, in share-class units, one per cycle, with its P&amp;L attribution by source (funding,
/// staking, lending, price, fees, ...) as a JSON object.
/// </summary>
public sealed record LedgerEquity(string InstanceId, DateTimeOffset CycleUtc, decimal Equity, string AttributionJson);
