namespace Basis.Orchestrations.Abstractions;

/// <summary>Where an orchestration instance is in its life.</summary>
public enum OrchestrationRuntimeStatus
{
    Pending,
    Running,
    Completed,
    Failed,
    Terminated,
    ContinuedAsNew,
}
