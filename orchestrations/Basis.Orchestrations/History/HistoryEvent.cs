using Basis.Orchestrations.Abstractions;

namespace Basis.Orchestrations.History;

/// <summary>
/// One entry of an orchestration's append-only history. One flat record rather than a type per kind keeps
/// grain-state serialization trivial; which fields a kind uses is listed on <see cref="HistoryEventKind"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HistoryEvent(
    [property: Id(0)] HistoryEventKind Kind,
    [property: Id(1)] DateTime TimestampUtc,
    [property: Id(2)] int TaskId = -1,
    [property: Id(3)] string? Name = null,
    [property: Id(4)] string? Data = null,
    [property: Id(5)] DateTime? FireAtUtc = null,
    [property: Id(6)] FailureDetails? Failure = null)
{
    public static HistoryEvent ExecutionStarted(DateTime at, string orchestrator, string? input) => new(HistoryEventKind.ExecutionStarted, at, Name: orchestrator, Data: input);

    public static HistoryEvent OrchestratorStarted(DateTime at) => new(HistoryEventKind.OrchestratorStarted, at);

    public static HistoryEvent TaskScheduled(DateTime at, int taskId, string activity, string? input) => new(HistoryEventKind.TaskScheduled, at, taskId, activity, input);

    public static HistoryEvent TaskCompleted(DateTime at, int taskId, string? result) => new(HistoryEventKind.TaskCompleted, at, taskId, Data: result);

    public static HistoryEvent TaskFailed(DateTime at, int taskId, FailureDetails failure) => new(HistoryEventKind.TaskFailed, at, taskId, Failure: failure);

    public static HistoryEvent TimerCreated(DateTime at, int taskId, DateTime fireAt) => new(HistoryEventKind.TimerCreated, at, taskId, FireAtUtc: fireAt);

    public static HistoryEvent TimerFired(DateTime at, int taskId, DateTime fireAt) => new(HistoryEventKind.TimerFired, at, taskId, FireAtUtc: fireAt);

    public static HistoryEvent EventRaised(DateTime at, string name, string? data) => new(HistoryEventKind.EventRaised, at, Name: name, Data: data);

    public static HistoryEvent CustomStatusSet(DateTime at, string? status) => new(HistoryEventKind.CustomStatusSet, at, Data: status);

    public static HistoryEvent ContinuedAsNew(DateTime at, string? input) => new(HistoryEventKind.ContinuedAsNew, at, Data: input);

    public static HistoryEvent ExecutionCompleted(DateTime at, string? output) => new(HistoryEventKind.ExecutionCompleted, at, Data: output);

    public static HistoryEvent ExecutionFailed(DateTime at, FailureDetails failure) => new(HistoryEventKind.ExecutionFailed, at, Failure: failure);

    public static HistoryEvent ExecutionTerminated(DateTime at, string? reason) => new(HistoryEventKind.ExecutionTerminated, at, Data: reason);
}
