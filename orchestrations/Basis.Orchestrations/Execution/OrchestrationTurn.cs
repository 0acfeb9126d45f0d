using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.History;
using Basis.Orchestrations.Replay;

namespace Basis.Orchestrations.Execution;

/// <summary>
/// One turn of an instance, independent of Orleans: replay against the history plus the events that
/// arrived, then record the new actions in history and the summary. The grain persists the state and
/// performs the returned side effects; tests drive it directly.
/// </summary>
public static class OrchestrationTurn
{
    public static TurnOutcome Run(OrchestrationRegistry registry, OrchestrationInstanceState state, IReadOnlyList<HistoryEvent> arrived, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(arrived);

        var newEvents = new List<HistoryEvent>(arrived.Count + 1) { HistoryEvent.OrchestratorStarted(nowUtc) };
        newEvents.AddRange(arrived);
        ReplayResult result = OrchestrationReplayer.Run(registry, state.InstanceId, state.History, newEvents);
        state.History.AddRange(newEvents);
        state.Status = OrchestrationRuntimeStatus.Running;
        state.LastUpdatedAtUtc = nowUtc;

        if (result.CustomStatus != state.CustomStatus)
        {
            state.History.Add(HistoryEvent.CustomStatusSet(nowUtc, result.CustomStatus));
            state.CustomStatus = result.CustomStatus;
        }

        var dispatch = new List<ActivityWorkItem>();
        foreach (OrchestratorAction action in result.Actions)
        {
            switch (action.Kind)
            {
                case OrchestratorActionKind.ScheduleActivity:
                    state.History.Add(HistoryEvent.TaskScheduled(nowUtc, action.TaskId, action.Name!, action.Data));
                    dispatch.Add(new ActivityWorkItem(state.InstanceId, state.Generation, action.TaskId, action.Name!, action.Data));
                    break;
                case OrchestratorActionKind.CreateTimer:
                    state.History.Add(HistoryEvent.TimerCreated(nowUtc, action.TaskId, action.FireAtUtc!.Value));
                    break;
                case OrchestratorActionKind.CompleteOrchestration:
                    state.History.Add(HistoryEvent.ExecutionCompleted(nowUtc, action.Data));
                    state.Status = OrchestrationRuntimeStatus.Completed;
                    state.Output = action.Data;
                    break;
                case OrchestratorActionKind.FailOrchestration:
                    state.History.Add(HistoryEvent.ExecutionFailed(nowUtc, action.Failure!));
                    state.Status = OrchestrationRuntimeStatus.Failed;
                    state.Failure = action.Failure;
                    break;
                case OrchestratorActionKind.ContinueAsNew:
                    // History is truncated: the next execution starts from its new input alone.
                    state.History = [HistoryEvent.ExecutionStarted(nowUtc, state.Name, action.Data)];
                    state.Input = action.Data;
                    state.Generation++;
                    return new TurnOutcome([], RunAgain: true);
                default:
                    throw new InvalidOperationException($"Unknown action {action.Kind}.");
            }
        }

        return new TurnOutcome(dispatch, RunAgain: false);
    }

    /// <summary>Resets <paramref name="state"/> to a fresh execution of <paramref name="name"/>.</summary>
    public static void Start(OrchestrationInstanceState state, string instanceId, string name, string? input, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.InstanceId = instanceId;
        state.Name = name;
        state.Input = input;
        state.Output = null;
        state.CustomStatus = null;
        state.Failure = null;
        state.Status = OrchestrationRuntimeStatus.Pending;
        state.History = [HistoryEvent.ExecutionStarted(nowUtc, name, input)];
        state.Generation++;
        state.CreatedAtUtc = nowUtc;
        state.LastUpdatedAtUtc = nowUtc;
    }
}
