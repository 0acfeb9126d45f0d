using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Execution;
using Basis.Orchestrations.History;

namespace Basis.Orchestrations.Tests.Replay;

/// <summary>
/// Drives one instance through <see cref="OrchestrationTurn"/> without Orleans: activities run at once, queued
/// external events arrive before any timer, and otherwise the clock jumps to the earliest pending timer.
/// With a <paramref name="shuffle"/>, activity results are held back and delivered in random batches and orders,
/// as a cluster might deliver them. Activities get <paramref name="services"/> as their host's services.
/// </summary>
internal sealed class InMemoryDriver(OrchestrationRegistry registry, Random? shuffle = null, IServiceProvider? services = null)
{
    private readonly List<HistoryEvent> heldResults = [];

    public DateTime Now { get; private set; } = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public OrchestrationInstanceState State { get; } = new();

    public Queue<(string Name, object? Data)> ExternalEvents { get; } = new();

    public int Turns { get; private set; }

    /// <summary>
    /// A crash point: when an activity about to run matches, the driver stops there, as a process dying after its
    /// turn was saved and before the activity reported back. <see cref="State"/> is then what storage holds.
    /// </summary>
    public Func<ActivityWorkItem, bool>? CrashBefore { get; init; }

    /// <summary>True when the last run stopped at <see cref="CrashBefore"/>.</summary>
    public bool Crashed { get; private set; }

    public Task<OrchestrationInstanceState> RunAsync(string orchestrator, object? input, string instanceId = "instance-1")
    {
        OrchestrationTurn.Start(State, instanceId, orchestrator, JsonData.Serialize(input), Now);
        return LoopAsync([]);
    }

    /// <summary>
    /// Continues an instance from a saved state, as the engine does when another silo activates it: the activities
    /// that never reported back are sent again.
    /// </summary>
    public async Task<OrchestrationInstanceState> ResumeAsync(OrchestrationInstanceState saved)
    {
        State.InstanceId = saved.InstanceId;
        State.Name = saved.Name;
        State.Status = saved.Status;
        State.History = [.. saved.History];
        State.Generation = saved.Generation;
        State.CreatedAtUtc = saved.CreatedAtUtc;
        State.Input = saved.Input;
        State.CustomStatus = saved.CustomStatus;
        var arrived = new List<HistoryEvent>();
        foreach (var scheduled in State.OutstandingActivities().ToList())
        {
            arrived.Add(await ExecuteAsync(new ActivityWorkItem(State.InstanceId, State.Generation, scheduled.TaskId, scheduled.Name!, scheduled.Data)));
        }

        return await LoopAsync(arrived);
    }

    private async Task<HistoryEvent> ExecuteAsync(ActivityWorkItem work)
    {
        try
        {
            string? result = await registry.GetActivity(work.Name)(new ActivityContext(work.Name, work.InstanceId, work.TaskId, services), work.Input);
            return HistoryEvent.TaskCompleted(Now, work.TaskId, result);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return HistoryEvent.TaskFailed(Now, work.TaskId, FailureDetails.FromException(ex));
        }
    }

    private async Task<OrchestrationInstanceState> LoopAsync(List<HistoryEvent> arrived)
    {
        Crashed = false;
        while (Turns++ < 10_000)
        {
            TurnOutcome outcome = OrchestrationTurn.Run(registry, State, arrived, Now);
            arrived = [];
            if (outcome.RunAgain)
            {
                continue;
            }

            if (!State.IsRunning)
            {
                return State;
            }

            var results = shuffle is null ? arrived : heldResults;
            foreach (ActivityWorkItem work in outcome.ActivitiesToDispatch)
            {
                if (CrashBefore?.Invoke(work) == true)
                {
                    Crashed = true;
                    return State;
                }

                results.Add(await ExecuteAsync(work));
            }

            if (shuffle is not null && heldResults.Count > 0)
            {
                for (int take = shuffle.Next(1, heldResults.Count + 1); take > 0; take--)
                {
                    int pick = shuffle.Next(heldResults.Count);
                    arrived.Add(heldResults[pick]);
                    heldResults.RemoveAt(pick);
                }
            }

            if (arrived.Count > 0)
            {
                continue;
            }

            if (ExternalEvents.TryDequeue(out var raised))
            {
                arrived.Add(HistoryEvent.EventRaised(Now, raised.Name, JsonData.Serialize(raised.Data)));
                continue;
            }

            HistoryEvent? timer = State.PendingTimers().OrderBy(t => t.FireAtUtc).FirstOrDefault()
                ?? throw new InvalidOperationException("The orchestration waits for nothing the driver can deliver.");
            Now = timer.FireAtUtc!.Value > Now ? timer.FireAtUtc.Value : Now;
            arrived.Add(HistoryEvent.TimerFired(Now, timer.TaskId, timer.FireAtUtc.Value));
        }

        throw new InvalidOperationException("The orchestration did not finish in 10,000 turns.");
    }
}
