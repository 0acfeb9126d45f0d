namespace Basis.Orchestrations.Replay;

public enum OrchestratorActionKind
{
    ScheduleActivity,
    CreateTimer,
    CompleteOrchestration,
    FailOrchestration,
    ContinueAsNew,
}
