namespace Basis.Orchestrations.Live;

/// <summary>A cycle of a live instance: the instance, when the timer (or an operator) asked for it, and what to do.</summary>
public sealed record LiveCycleInput(string InstanceId, DateTimeOffset CycleUtc, LiveWork Work = LiveWork.Rebalance);
