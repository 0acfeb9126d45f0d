namespace Basis.Live.Ledger;

/// <summary>
/// One thing the instance's engine did in an hour (an event in the shape of a backtest's <c>events.jsonl</c>, or a
/// safety-gate verdict), at its place (<c>Ordinal</c>) among the hour's, as a JSON object.
/// </summary>
public sealed record LedgerActivity(string InstanceId, DateTimeOffset HourUtc, int Ordinal, string Kind, string BodyJson);
