namespace Basis.Live.Ledger;

/// <summary>A heartbeat, breach or alert, with optional structured details as a JSON object.</summary>
public sealed record LedgerEvent(string InstanceId, LedgerEventKind Kind, string Message, string? DetailsJson, DateTimeOffset OccurredUtc);
