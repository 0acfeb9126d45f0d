namespace Basis.Live.Ledger;

/// <summary>
/// What the strategy decided in a cycle and why; one per action per cycle. The cycle is its scheduled time, the same
/// when the cycle is replayed.
/// </summary>
public sealed record LedgerDecision(string InstanceId, DateTimeOffset CycleUtc, string Action, string Reason);
