using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.History;

namespace Basis.Orchestrations.Execution;

/// <summary>
/// Everything persisted for one orchestration instance: its append-only history (of the current execution;
/// ContinueAsNew starts a new one) and the summary clients read.
/// </summary>
[GenerateSerializer]
public sealed class OrchestrationInstanceState
{
    [Id(0)] public string InstanceId { get; set; } = string.Empty;

    [Id(1)] public string Name { get; set; } = string.Empty;

    [Id(2)] public OrchestrationRuntimeStatus Status { get; set; } = OrchestrationRuntimeStatus.Pending;

    [Id(3)] public List<HistoryEvent> History { get; set; } = [];

    /// <summary>Bumped by every start and ContinueAsNew, so late reports from an earlier execution are ignored.</summary>
    [Id(4)] public int Generation { get; set; }

    [Id(5)] public DateTime CreatedAtUtc { get; set; }

    [Id(6)] public DateTime LastUpdatedAtUtc { get; set; }

    [Id(7)] public string? Input { get; set; }

    [Id(8)] public string? Output { get; set; }

    [Id(9)] public string? CustomStatus { get; set; }

    [Id(10)] public FailureDetails? Failure { get; set; }

    public bool Exists => Name.Length > 0;

    public bool IsRunning => Status is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running;

    /// <summary>True once the orchestrator has run at least one turn of the current execution.</summary>
    public bool HasRunATurn => History.Exists(e => e.Kind == HistoryEventKind.OrchestratorStarted);

    /// <summary>Activities scheduled in history whose completion or failure is not recorded.</summary>
    public IEnumerable<HistoryEvent> OutstandingActivities()
    {
        var finished = History.Where(e => e.Kind is HistoryEventKind.TaskCompleted or HistoryEventKind.TaskFailed).Select(e => e.TaskId).ToHashSet();
        return History.Where(e => e.Kind == HistoryEventKind.TaskScheduled && !finished.Contains(e.TaskId));
    }

    /// <summary>Timers created in history that have not fired.</summary>
    public IEnumerable<HistoryEvent> PendingTimers()
    {
        var fired = History.Where(e => e.Kind == HistoryEventKind.TimerFired).Select(e => e.TaskId).ToHashSet();
        return History.Where(e => e.Kind == HistoryEventKind.TimerCreated && !fired.Contains(e.TaskId));
    }

    public OrchestrationMetadata ToMetadata() =>
        new(InstanceId, Name, Status, CreatedAtUtc, LastUpdatedAtUtc, Input, Output, CustomStatus, Failure);
}
