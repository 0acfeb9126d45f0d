using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Execution;
using Basis.Orchestrations.History;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Basis.Orchestrations.Engine;

/// <summary>
/// One orchestration instance. Incoming events (activity outcomes, external events, fired timers) are
/// collected in an inbox and handled in one turn scheduled by a zero-delay grain timer, so a fan-in of a
/// thousand results costs a few replays, not a thousand. Each turn replays the orchestrator
/// (<see cref="OrchestrationTurn"/>), persists the history, then sends the new activities.
/// State is written before any side effect, so a crash loses at most work the watchdog redoes.
/// </summary>
internal sealed partial class OrchestrationGrain : Grain, IOrchestrationGrain, IRemindable
{
    private const string WatchdogReminder = "orchestration-watchdog";

    private readonly IPersistentState<OrchestrationInstanceState> store;
    private readonly OrchestrationRegistry registry;
    private readonly OrchestrationEngineOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<OrchestrationGrain> logger;
    private readonly List<HistoryEvent> inbox = [];
    private readonly Dictionary<int, DateTime> sentAtUtc = [];
    private IGrainTimer? turnTimer;
    private IGrainTimer? durableTimer;
    private DateTime? durableTimerDueUtc;

    public OrchestrationGrain(
        [PersistentState("instance", OrchestrationEngineOptions.StorageName)] IPersistentState<OrchestrationInstanceState> store,
        OrchestrationRegistry registry,
        IOptions<OrchestrationEngineOptions> options,
        TimeProvider time,
        ILogger<OrchestrationGrain> logger)
    {
        this.store = store;
        this.registry = registry;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
    }

    private OrchestrationInstanceState State => store.State;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (State.IsRunning && State.Exists)
        {
            // Resumed from storage, possibly on another silo: nothing in memory survived, so re-send what is outstanding.
            LogResumed(logger, State.InstanceId, State.History.Count);
            await ResendOutstandingActivities(TimeSpan.Zero);
            ArmDurableTimer();
            if (!State.HasRunATurn)
            {
                ScheduleTurn();
            }
        }

        await base.OnActivateAsync(cancellationToken);
    }

    public async Task Start(string orchestratorName, string? input)
    {
        if (State.Exists && State.IsRunning)
        {
            throw new InvalidOperationException($"Orchestration '{this.GetPrimaryKeyString()}' is already running.");
        }

        if (!registry.HasOrchestrator(orchestratorName))
        {
            throw new InvalidOperationException($"No orchestrator named '{orchestratorName}' is registered.");
        }

        inbox.Clear();
        sentAtUtc.Clear();
        OrchestrationTurn.Start(State, this.GetPrimaryKeyString(), orchestratorName, input, Now);
        await store.WriteStateAsync();
        await this.RegisterOrUpdateReminder(WatchdogReminder, options.WatchdogPeriod, options.WatchdogPeriod);
        ScheduleTurn();
    }

    public Task<OrchestrationMetadata?> GetMetadata() => Task.FromResult(State.Exists ? State.ToMetadata() : null);

    public Task<IReadOnlyList<HistoryEvent>> GetHistory() => Task.FromResult<IReadOnlyList<HistoryEvent>>(State.History.ToList());

    public Task DeliverEvent(string eventName, string? data)
    {
        if (State.IsRunning && State.Exists)
        {
            Accept(HistoryEvent.EventRaised(Now, eventName, data));
        }

        return Task.CompletedTask;
    }

    public Task ActivityCompleted(int generation, int taskId, string? result)
    {
        if (IsAwaited(generation, taskId))
        {
            Accept(HistoryEvent.TaskCompleted(Now, taskId, result));
        }

        return Task.CompletedTask;
    }

    public Task ActivityFailed(int generation, int taskId, FailureDetails failure)
    {
        if (IsAwaited(generation, taskId))
        {
            Accept(HistoryEvent.TaskFailed(Now, taskId, failure));
        }

        return Task.CompletedTask;
    }

    public async Task Terminate(string? reason)
    {
        if (!State.Exists || !State.IsRunning)
        {
            return;
        }

        inbox.Clear();
        State.History.Add(HistoryEvent.ExecutionTerminated(Now, reason));
        State.Status = OrchestrationRuntimeStatus.Terminated;
        State.Output = reason;
        State.LastUpdatedAtUtc = Now;
        await store.WriteStateAsync();
        await Finish();
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!State.Exists || !State.IsRunning)
        {
            await Finish();
            return;
        }

        await ResendOutstandingActivities(options.ActivityRedeliveryAfter);
        FireDueTimers();
        ArmDurableTimer();
    }

    /// <summary>A result is taken only once, only for the current execution and only for a task still open.</summary>
    private bool IsAwaited(int generation, int taskId) =>
        State.IsRunning && State.Exists && generation == State.Generation
        && !inbox.Exists(e => e.TaskId == taskId && e.Kind is HistoryEventKind.TaskCompleted or HistoryEventKind.TaskFailed)
        && State.OutstandingActivities().Any(e => e.TaskId == taskId);

    private void Accept(HistoryEvent e)
    {
        inbox.Add(e);
        ScheduleTurn();
    }

    private void ScheduleTurn() =>
        turnTimer ??= this.RegisterGrainTimer(RunTurn, new GrainTimerCreationOptions(TimeSpan.Zero, Timeout.InfiniteTimeSpan));

    private async Task RunTurn()
    {
        // Disposing a grain timer cancels the callback running on it, so the firing timer is disposed only at the end.
        IGrainTimer? firing = turnTimer;
        turnTimer = null;
        try
        {
            await RunTurnCore();
        }
        finally
        {
            firing?.Dispose();
        }
    }

    private async Task RunTurnCore()
    {
        if (!State.IsRunning || (inbox.Count == 0 && State.HasRunATurn))
        {
            return;
        }

        var arrived = inbox.ToList();
        inbox.Clear();
        TurnOutcome outcome = OrchestrationTurn.Run(registry, State, arrived, Now);
        if (outcome.RunAgain)
        {
            sentAtUtc.Clear();
        }

        try
        {
            await store.WriteStateAsync();
        }
        catch (Exception ex)
        {
            // The in-memory state now holds a turn storage does not (e.g. another activation wrote first):
            // drop this activation so the next message reloads the stored history and redoes the turn.
            LogWriteFailed(logger, ex, State.InstanceId);
            DeactivateOnIdle();
            throw;
        }

        LogTurn(logger, State.InstanceId, arrived.Count, outcome.ActivitiesToDispatch.Count, State.Status);

        foreach (ActivityWorkItem work in outcome.ActivitiesToDispatch)
        {
            await Send(work);
        }

        if (!State.IsRunning)
        {
            await Finish();
            return;
        }

        ArmDurableTimer();
        if (outcome.RunAgain || inbox.Count > 0)
        {
            ScheduleTurn();
        }
    }

    private async Task Send(ActivityWorkItem work)
    {
        sentAtUtc[work.TaskId] = Now;
        await GrainFactory.GetGrain<IActivityGrain>(work.GrainKey).Execute(work);
    }

    private async Task ResendOutstandingActivities(TimeSpan silentFor)
    {
        DateTime now = Now;
        foreach (HistoryEvent scheduled in State.OutstandingActivities().ToList())
        {
            if (sentAtUtc.TryGetValue(scheduled.TaskId, out DateTime sentAt) && now - sentAt < silentFor)
            {
                continue;
            }

            await Send(new ActivityWorkItem(State.InstanceId, State.Generation, scheduled.TaskId, scheduled.Name!, scheduled.Data));
        }
    }

    /// <summary>One grain timer, for the earliest pending durable timer; the watchdog re-arms it after a restart.</summary>
    private void ArmDurableTimer()
    {
        DateTime? due = State.IsRunning ? UnfiredTimers().Select(t => t.FireAtUtc).Min() : null;
        if (due == durableTimerDueUtc && durableTimer is not null)
        {
            return;
        }

        durableTimer?.Dispose();
        durableTimer = null;
        durableTimerDueUtc = due;
        if (due is { } fireAt)
        {
            TimeSpan wait = fireAt - Now;
            durableTimer = this.RegisterGrainTimer(OnDurableTimer, new GrainTimerCreationOptions(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan));
        }
    }

    private Task OnDurableTimer(CancellationToken cancellationToken)
    {
        durableTimer?.Dispose();
        durableTimer = null;
        durableTimerDueUtc = null;
        FireDueTimers();
        ArmDurableTimer();
        return Task.CompletedTask;
    }

    private void FireDueTimers()
    {
        DateTime now = Now;
        foreach (HistoryEvent timer in UnfiredTimers().Where(t => t.FireAtUtc <= now).ToList())
        {
            Accept(HistoryEvent.TimerFired(now, timer.TaskId, timer.FireAtUtc!.Value));
        }
    }

    /// <summary>Timers pending in history whose firing is not already waiting in the inbox.</summary>
    private IEnumerable<HistoryEvent> UnfiredTimers() =>
        State.PendingTimers().Where(t => !inbox.Exists(e => e.Kind == HistoryEventKind.TimerFired && e.TaskId == t.TaskId));

    private async Task Finish()
    {
        durableTimer?.Dispose();
        durableTimer = null;
        durableTimerDueUtc = null;
        IGrainReminder? watchdog = await this.GetReminder(WatchdogReminder);
        if (watchdog is not null)
        {
            await this.UnregisterReminder(watchdog);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Orchestration {InstanceId} resumed from storage with {Events} history events")]
    private static partial void LogResumed(ILogger logger, string instanceId, int events);

    [LoggerMessage(Level = LogLevel.Error, Message = "Orchestration {InstanceId} could not persist a turn; deactivating to reload from storage")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, string instanceId);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Orchestration {InstanceId} ran a turn on {Arrived} events, sent {Sent} activities, now {Status}")]
    private static partial void LogTurn(ILogger logger, string instanceId, int arrived, int sent, OrchestrationRuntimeStatus status);
}
