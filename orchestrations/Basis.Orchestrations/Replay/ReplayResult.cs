namespace Basis.Orchestrations.Replay;

/// <summary>
/// What one replay of an orchestrator produced: the new actions (in the order the orchestrator took them)
/// and the custom status it left set (JSON).
/// </summary>
public sealed record ReplayResult(IReadOnlyList<OrchestratorAction> Actions, string? CustomStatus)
{
    public bool IsFinished => Actions.Any(a => a.Kind is OrchestratorActionKind.CompleteOrchestration or OrchestratorActionKind.FailOrchestration or OrchestratorActionKind.ContinueAsNew);
}
