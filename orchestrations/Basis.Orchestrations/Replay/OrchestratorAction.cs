using Basis.Orchestrations.Abstractions;

namespace Basis.Orchestrations.Replay;

/// <summary>Something a turn of the orchestrator asked for that is not yet in its history.</summary>
public sealed record OrchestratorAction(
    OrchestratorActionKind Kind,
    int TaskId = -1,
    string? Name = null,
    string? Data = null,
    DateTime? FireAtUtc = null,
    FailureDetails? Failure = null);
