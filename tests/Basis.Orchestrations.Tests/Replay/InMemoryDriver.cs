using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Execution;
using Basis.Orchestrations.History;

namespace Basis.Orchestrations.Tests.Replay;

/// <summary>
/// Drives one instance through <see cref="OrchestrationTurn"/> without Orleans: activities run at once, queued
/// external events arrive before any timer, and otherwise the clock jumps to the earliest pending timer.
/// With a <paramref name="shuffle"/>, activity results are held back and delivered in random batches and orders,
/// as a cluster might deliver them.
/// </summary>
internal sealed class InMemoryDriver(OrchestrationRegistry registry, Random? shuffle = null)
{
    private readonly List<HistoryEvent> heldResults = [];

    public DateTime Now { get; private set; } = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public OrchestrationInstanceState State { get; } = new();

    public Queue<(string Name, object? Data)> ExternalEvents { get; } = new();

    public int Turns { get; private set; }

    public async Task<OrchestrationInstanceState> RunAsync(string orchestrator, object? input, string instanceId = "instance-1")
    {
        OrchestrationTurn.Start(State, instanceId, orchestrator, JsonData.Serialize(input), Now);
        var arrived = new List<HistoryEvent>();
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
                try
                {
                    string? result = await registry.GetActivity(work.Name)(new ActivityContext(work.Name, work.InstanceId, work.TaskId), work.Input);
                    results.Add(HistoryEvent.TaskCompleted(Now, work.TaskId, result));
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    results.Add(HistoryEvent.TaskFailed(Now, work.TaskId, FailureDetails.FromException(ex)));
                }
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
