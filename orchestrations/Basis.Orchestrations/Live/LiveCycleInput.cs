namespace Basis.Orchestrations.Live;

/// <summary>A cycle of a live instance: the instance, and when the timer (or an operator) asked for it.</summary>
public sealed record LiveCycleInput(string InstanceId, DateTimeOffset CycleUtc);
