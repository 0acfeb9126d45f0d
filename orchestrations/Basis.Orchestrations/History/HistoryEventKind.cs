namespace Basis.Orchestrations.History;

public enum HistoryEventKind
{
    /// <summary>Name = orchestrator, Data = input.</summary>
    ExecutionStarted,
    /// <summary>A turn began; its timestamp is the turn's <c>CurrentUtcDateTime</c>.</summary>
    OrchestratorStarted,
    /// <summary>TaskId, Name = activity, Data = input.</summary>
    TaskScheduled,
    /// <summary>TaskId, Data = result.</summary>
    TaskCompleted,
    /// <summary>TaskId, Failure = the activity's error.</summary>
    TaskFailed,
    /// <summary>TaskId, FireAtUtc.</summary>
    TimerCreated,
    /// <summary>TaskId, FireAtUtc.</summary>
    TimerFired,
    /// <summary>Name = event name, Data = payload.</summary>
    EventRaised,
    /// <summary>Data = custom status.</summary>
    CustomStatusSet,
    /// <summary>Data = the next execution's input.</summary>
    ContinuedAsNew,
    /// <summary>Data = output.</summary>
    ExecutionCompleted,
    /// <summary>Failure.</summary>
    ExecutionFailed,
    /// <summary>Data = the reason given.</summary>
    ExecutionTerminated,
}
