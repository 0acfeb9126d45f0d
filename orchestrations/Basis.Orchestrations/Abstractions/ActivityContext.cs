namespace Basis.Orchestrations.Abstractions;

/// <summary>What an activity knows about the call: which orchestration and which task scheduled it.</summary>
public sealed record ActivityContext(string Name, string InstanceId, int TaskId);
