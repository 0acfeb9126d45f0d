using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.History;

namespace Basis.Orchestrations.Replay;

/// <summary>
/// The replay core, pure and synchronous: runs an orchestrator from the start against its history and
/// returns what it asked for that the history does not record yet. Completed awaits return their recorded
/// results; the first await on something not in history ends the turn. Replaying a finished history
/// yields no actions.
/// </summary>
public static class OrchestrationReplayer
{
    /// <param name="registry">Where the orchestrator named by ExecutionStarted is found.</param>
    /// <param name="instanceId">The instance id (seeds <see cref="OrchestrationContext.NewGuid"/>).</param>
    /// <param name="pastEvents">History already recorded; begins with <see cref="HistoryEventKind.ExecutionStarted"/>.</param>
    /// <param name="newEvents">Events that arrived since (the turn's <see cref="HistoryEventKind.OrchestratorStarted"/> first).</param>
    public static ReplayResult Run(OrchestrationRegistry registry, string instanceId, IReadOnlyList<HistoryEvent> pastEvents, IReadOnlyList<HistoryEvent> newEvents)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(pastEvents);
        ArgumentNullException.ThrowIfNull(newEvents);

        // Continuations must run inline on this thread, so the replay must not capture a grain's or test
        // runner's scheduler. Off such a scheduler it runs on the thread pool and is awaited synchronously.
        if (SynchronizationContext.Current is null && TaskScheduler.Current == TaskScheduler.Default)
        {
            return RunCore(registry, instanceId, pastEvents, newEvents);
        }

        return Task.Factory.StartNew(
            () => RunCore(registry, instanceId, pastEvents, newEvents),
            CancellationToken.None,
            TaskCreationOptions.DenyChildAttach,
            TaskScheduler.Default).GetAwaiter().GetResult();
    }

    private static ReplayResult RunCore(OrchestrationRegistry registry, string instanceId, IReadOnlyList<HistoryEvent> pastEvents, IReadOnlyList<HistoryEvent> newEvents)
    {
        HistoryEvent started = (pastEvents.Count > 0 ? pastEvents[0] : newEvents.Count > 0 ? newEvents[0] : null)
            ?? throw new ArgumentException("History is empty.", nameof(pastEvents));
        if (started.Kind != HistoryEventKind.ExecutionStarted || started.Name is null)
        {
            throw new ArgumentException($"History must begin with ExecutionStarted, not {started.Kind}.", nameof(pastEvents));
        }

        var context = new ReplayContext(instanceId, started.Name, started.Data, started.TimestampUtc);
        bool alreadyFinished = pastEvents.Any(e => IsTerminal(e.Kind));
        Task<object?>? orchestration = null;
        FailureDetails? replayFailure = null;
        try
        {
            int count = pastEvents.Count + newEvents.Count;
            for (int i = 0; i < count; i++)
            {
                HistoryEvent e = i < pastEvents.Count ? pastEvents[i] : newEvents[i - pastEvents.Count];
                context.Replaying = i < pastEvents.Count;
                switch (e.Kind)
                {
                    case HistoryEventKind.OrchestratorStarted:
                        context.Now = e.TimestampUtc;
                        orchestration ??= Start(registry, context);
                        break;
                    case HistoryEventKind.TaskScheduled:
                        context.ConfirmRecorded(e.TaskId, OrchestratorActionKind.ScheduleActivity, e.Name);
                        break;
                    case HistoryEventKind.TimerCreated:
                        context.ConfirmRecorded(e.TaskId, OrchestratorActionKind.CreateTimer, null);
                        break;
                    case HistoryEventKind.TaskCompleted:
                    case HistoryEventKind.TimerFired:
                        context.Complete(e.TaskId, e.Data);
                        break;
                    case HistoryEventKind.TaskFailed:
                        context.Fail(e.TaskId, e.Failure ?? new FailureDetails("Unknown", "The activity failed without details."));
                        break;
                    case HistoryEventKind.EventRaised:
                        context.Raise(e.Name ?? string.Empty, e.Data);
                        break;
                    default:
                        break;
                }
            }
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            replayFailure = FailureDetails.FromException(ex);
        }

        var actions = new List<OrchestratorAction>();
        if (replayFailure is not null)
        {
            actions.Add(new OrchestratorAction(OrchestratorActionKind.FailOrchestration, Failure: replayFailure));
        }
        else
        {
            actions.AddRange(context.UnrecordedActions);
            if (orchestration is { IsCompleted: true })
            {
                actions.Add(Finish(orchestration, context));
            }
        }

        if (alreadyFinished)
        {
            actions.RemoveAll(a => a.Kind is OrchestratorActionKind.CompleteOrchestration or OrchestratorActionKind.FailOrchestration or OrchestratorActionKind.ContinueAsNew);
        }

        return new ReplayResult(actions, context.CustomStatus);
    }

    private static Task<object?> Start(OrchestrationRegistry registry, ReplayContext context)
    {
        try
        {
            return registry.GetOrchestrator(context.Name)(context);
        }
        catch (InvalidOperationException ex)
        {
            return Task.FromException<object?>(ex);
        }
    }

    private static OrchestratorAction Finish(Task<object?> orchestration, ReplayContext context)
    {
        if (orchestration.IsCompletedSuccessfully)
        {
            return context.ContinueAsNewRequested
                ? new OrchestratorAction(OrchestratorActionKind.ContinueAsNew, Data: context.ContinueAsNewInput)
                : new OrchestratorAction(OrchestratorActionKind.CompleteOrchestration, Data: JsonData.Serialize(orchestration.Result));
        }

        Exception error = orchestration.Exception?.InnerExceptions.Count == 1
            ? orchestration.Exception.InnerException!
            : (Exception?)orchestration.Exception ?? new TaskCanceledException(orchestration);
        return new OrchestratorAction(OrchestratorActionKind.FailOrchestration, Failure: FailureDetails.FromException(error));
    }

    private static bool IsTerminal(HistoryEventKind kind) =>
        kind is HistoryEventKind.ExecutionCompleted or HistoryEventKind.ExecutionFailed or HistoryEventKind.ExecutionTerminated or HistoryEventKind.ContinuedAsNew;
}
