namespace Basis.Orchestrations.Abstractions;

/// <summary>
/// What an orchestrator function sees, shaped like Durable Task's <c>TaskOrchestrationContext</c>.
/// Orchestrator code must be deterministic: no clock (use <see cref="CurrentUtcDateTime"/>), no random
/// (use <see cref="NewGuid"/>), no I/O and no awaits on anything but the tasks this context returns,
/// because the engine replays the function from the start against its recorded history on every turn.
/// </summary>
public abstract class OrchestrationContext
{
    /// <summary>The orchestration instance id.</summary>
    public abstract string InstanceId { get; }

    /// <summary>The orchestrator's registered name.</summary>
    public abstract string Name { get; }

    /// <summary>The time recorded in history for the current turn; never the machine clock.</summary>
    public abstract DateTime CurrentUtcDateTime { get; }

    /// <summary>True while the function is re-running over events it has already seen.</summary>
    public abstract bool IsReplaying { get; }

    /// <summary>A GUID derived from the instance id and a per-execution sequence number: the same on every replay.</summary>
    public abstract Guid NewGuid();

    /// <summary>The orchestration's input, deserialized from JSON.</summary>
    public abstract T? GetInput<T>();

    /// <summary>Schedules an activity and returns its result. A failed activity surfaces as <see cref="TaskFailedException"/>.</summary>
    public abstract Task<TResult> CallActivityAsync<TResult>(string name, object? input, RetryPolicy? retry = null);

    /// <summary>Schedules an activity whose result is not needed.</summary>
    public Task CallActivityAsync(string name, object? input, RetryPolicy? retry = null) =>
        CallActivityAsync<object?>(name, input, retry);

    /// <summary>A durable timer that fires at <paramref name="fireAtUtc"/>. Cancelling it cancels the returned task.</summary>
    public abstract Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Waits for an event raised with <paramref name="name"/> (case-insensitive). With a timeout, throws
    /// <see cref="TimeoutException"/> when the durable timer fires before the event arrives.
    /// </summary>
    public abstract Task<T?> WaitForExternalEvent<T>(string name, TimeSpan? timeout = null);

    /// <summary>When the function returns, restart the orchestration with <paramref name="input"/> and an empty history.</summary>
    public abstract void ContinueAsNew(object? input);

    /// <summary>Sets the status clients see next to the runtime status; serialized to JSON.</summary>
    public abstract void SetCustomStatus(object? status);
}
