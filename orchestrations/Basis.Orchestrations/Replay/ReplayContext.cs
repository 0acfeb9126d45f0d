using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Basis.Orchestrations.Abstractions;

namespace Basis.Orchestrations.Replay;

/// <summary>
/// The context one replay runs the orchestrator against. Every task it hands out is a
/// <see cref="TaskCompletionSource{TResult}"/> that only the replayer completes, in history order, on the
/// replayer's own thread, so the orchestrator's continuations run inline and the replay is deterministic.
/// </summary>
internal sealed class ReplayContext : OrchestrationContext
{
    private const string TimerName = "(timer)";

    private readonly string? input;
    private readonly DateTime executionStartedUtc;
    private readonly SortedDictionary<int, OrchestratorAction> unrecordedActions = [];
    private readonly Dictionary<int, (string Name, TaskCompletionSource<string?> Source)> openTasks = [];
    private readonly Dictionary<string, List<TaskCompletionSource<string?>>> eventWaiters = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Queue<string?>> bufferedEvents = new(StringComparer.OrdinalIgnoreCase);
    private int nextTaskId;
    private int guidSequence;

    public ReplayContext(string instanceId, string name, string? input, DateTime executionStartedUtc)
    {
        InstanceId = instanceId;
        Name = name;
        this.input = input;
        this.executionStartedUtc = executionStartedUtc;
        Now = executionStartedUtc;
    }

    public override string InstanceId { get; }

    public override string Name { get; }

    public override DateTime CurrentUtcDateTime => Now;

    public override bool IsReplaying => Replaying;

    internal DateTime Now { get; set; }

    internal bool Replaying { get; set; }

    internal string? CustomStatus { get; private set; }

    internal bool ContinueAsNewRequested { get; private set; }

    internal string? ContinueAsNewInput { get; private set; }

    /// <summary>Actions the orchestrator took that history does not record yet, by task id.</summary>
    internal IEnumerable<OrchestratorAction> UnrecordedActions => unrecordedActions.Values;

    public override Guid NewGuid()
    {
        // Name-based (version 5 layout) over instance, execution start and sequence: identical on every replay.
        string seed = string.Create(CultureInfo.InvariantCulture, $"{InstanceId}|{executionStartedUtc.Ticks}|{guidSequence++}");
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(seed), hash);
        Span<byte> bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public override T? GetInput<T>() where T : default => JsonData.Deserialize<T>(input);

    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input, RetryPolicy? retry = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        string? serializedInput = JsonData.Serialize(input);
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return JsonData.Deserialize<TResult>(await ScheduleActivity(name, serializedInput))!;
            }
            catch (TaskFailedException) when (retry is not null && attempt < retry.MaxNumberOfAttempts)
            {
                await CreateTimer(CurrentUtcDateTime + retry.DelayAfter(attempt), CancellationToken.None);
            }
        }
    }

    public override Task CreateTimer(DateTime fireAtUtc, CancellationToken cancellationToken)
    {
        int taskId = nextTaskId++;
        var source = new TaskCompletionSource<string?>();
        openTasks[taskId] = (TimerName, source);
        unrecordedActions[taskId] = new OrchestratorAction(OrchestratorActionKind.CreateTimer, taskId, FireAtUtc: fireAtUtc);
        if (cancellationToken.CanBeCanceled)
        {
            cancellationToken.Register(() => source.TrySetCanceled(cancellationToken));
        }

        return source.Task;
    }

    public override async Task<T?> WaitForExternalEvent<T>(string name, TimeSpan? timeout = null) where T : default
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (bufferedEvents.TryGetValue(name, out var buffered) && buffered.Count > 0)
        {
            return JsonData.Deserialize<T>(buffered.Dequeue());
        }

        var waiter = new TaskCompletionSource<string?>();
        if (!eventWaiters.TryGetValue(name, out var waiters))
        {
            eventWaiters[name] = waiters = [];
        }

        waiters.Add(waiter);
        if (timeout is null)
        {
            return JsonData.Deserialize<T>(await waiter.Task);
        }

        using var cancelTimer = new CancellationTokenSource();
        Task timer = CreateTimer(CurrentUtcDateTime + timeout.Value, cancelTimer.Token);
        Task winner = await Task.WhenAny(waiter.Task, timer);
        if (winner == waiter.Task)
        {
            // Cancel, not CancelAsync: the timer task must be cancelled inline, on the replay thread.
            cancelTimer.Cancel();
            return JsonData.Deserialize<T>(await waiter.Task);
        }

        // The event may still come later: it must then be buffered for a later wait, not swallowed by this one.
        waiters.Remove(waiter);
        throw new TimeoutException($"Orchestration '{InstanceId}' waited {timeout.Value} for external event '{name}' and it did not arrive.");
    }

    public override void ContinueAsNew(object? input)
    {
        ContinueAsNewRequested = true;
        ContinueAsNewInput = JsonData.Serialize(input);
    }

    public override void SetCustomStatus(object? status) => CustomStatus = JsonData.Serialize(status);

    /// <summary>History says task <paramref name="taskId"/> was scheduled: the orchestrator must have asked for the same thing.</summary>
    internal void ConfirmRecorded(int taskId, OrchestratorActionKind kind, string? name)
    {
        if (!unrecordedActions.TryGetValue(taskId, out var action) || action.Kind != kind
            || (kind == OrchestratorActionKind.ScheduleActivity && !string.Equals(action.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            string took = action is null ? "nothing" : $"{action.Kind} {action.Name}";
            throw new NonDeterministicOrchestrationException(
                $"History of '{InstanceId}' records {kind} {name} as task {taskId}, but on replay the orchestrator took {took} there. Orchestrator code must be deterministic.");
        }

        unrecordedActions.Remove(taskId);
    }

    internal void Complete(int taskId, string? result)
    {
        if (openTasks.Remove(taskId, out var task))
        {
            task.Source.TrySetResult(result);
        }
    }

    internal void Fail(int taskId, FailureDetails failure)
    {
        if (openTasks.Remove(taskId, out var task))
        {
            task.Source.TrySetException(new TaskFailedException(task.Name, taskId, failure));
        }
    }

    internal void Raise(string name, string? data)
    {
        if (eventWaiters.TryGetValue(name, out var waiters) && waiters.Count > 0)
        {
            var waiter = waiters[0];
            waiters.RemoveAt(0);
            waiter.TrySetResult(data);
            return;
        }

        if (!bufferedEvents.TryGetValue(name, out var queue))
        {
            bufferedEvents[name] = queue = new Queue<string?>();
        }

        queue.Enqueue(data);
    }

    private Task<string?> ScheduleActivity(string name, string? serializedInput)
    {
        int taskId = nextTaskId++;
        var source = new TaskCompletionSource<string?>();
        openTasks[taskId] = (name, source);
        unrecordedActions[taskId] = new OrchestratorAction(OrchestratorActionKind.ScheduleActivity, taskId, name, serializedInput);
        return source.Task;
    }
}
