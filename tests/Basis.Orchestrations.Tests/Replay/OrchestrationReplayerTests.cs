using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.History;
using Basis.Orchestrations.Replay;

namespace Basis.Orchestrations.Tests.Replay;

public sealed class OrchestrationReplayerTests
{
    private static readonly OrchestrationRegistry Registry = SampleOrchestrations.Registry;

    [Theory]
    [InlineData("FanOut", 50)]
    [InlineData("Sleep", 1_000)]
    [InlineData("Approval", 1_000)]
    [InlineData("Failing", null)]
    [InlineData("Counter", 1)]
    public async Task Replaying_a_finished_history_produces_no_new_actions(string orchestrator, object? input)
    {
        var driver = new InMemoryDriver(Registry);
        var state = await driver.RunAsync(orchestrator, input);
        Assert.False(state.IsRunning);

        ReplayResult replay = OrchestrationReplayer.Run(Registry, state.InstanceId, state.History, []);

        Assert.Empty(replay.Actions);
    }

    [Fact]
    public async Task Replaying_any_prefix_of_a_history_at_a_turn_boundary_schedules_nothing_already_recorded()
    {
        var driver = new InMemoryDriver(Registry);
        var state = await driver.RunAsync("FanOut", 20);
        var recorded = state.History.Where(e => e.Kind == HistoryEventKind.TaskScheduled).Select(e => e.TaskId).ToHashSet();

        for (int end = 1; end <= state.History.Count; end++)
        {
            var prefix = state.History.Take(end).ToList();
            ReplayResult replay = OrchestrationReplayer.Run(Registry, state.InstanceId, prefix, []);
            var inPrefix = prefix.Where(e => e.Kind == HistoryEventKind.TaskScheduled).Select(e => e.TaskId).ToHashSet();
            Assert.DoesNotContain(replay.Actions, a => a.Kind == OrchestratorActionKind.ScheduleActivity && inPrefix.Contains(a.TaskId));
            Assert.All(replay.Actions.Where(a => a.Kind == OrchestratorActionKind.ScheduleActivity), a => Assert.Contains(a.TaskId, recorded));
        }
    }

    [Fact]
    public void First_turn_of_a_fan_out_schedules_every_activity_and_waits()
    {
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        HistoryEvent[] past = [HistoryEvent.ExecutionStarted(start, "FanOut", "3")];

        ReplayResult replay = OrchestrationReplayer.Run(Registry, "i", past, [HistoryEvent.OrchestratorStarted(start)]);

        Assert.Equal([0, 1, 2], replay.Actions.Select(a => a.TaskId));
        Assert.All(replay.Actions, a => Assert.Equal(OrchestratorActionKind.ScheduleActivity, a.Kind));
        Assert.Equal(["1", "2", "3"], replay.Actions.Select(a => a.Data));
        Assert.False(replay.IsFinished);
    }

    [Fact]
    public async Task Fan_out_sums_the_squares()
    {
        // 1² + 2² + … + 10² = 10·11·21/6 = 385
        var state = await new InMemoryDriver(Registry).RunAsync("FanOut", 10);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.Status);
        Assert.Equal(385, JsonData.Deserialize<int>(state.Output));
    }

    [Fact]
    public async Task Current_time_is_the_recorded_turn_time()
    {
        var driver = new InMemoryDriver(Registry);
        var state = await driver.RunAsync("Sleep", 90_000);

        DateTime[] times = JsonData.Deserialize<DateTime[]>(state.Output)!;
        Assert.Equal(TimeSpan.FromSeconds(90), times[1] - times[0]);
    }

    [Fact]
    public async Task New_guids_are_the_same_on_every_replay_and_differ_within_one()
    {
        var state = await new InMemoryDriver(Registry).RunAsync("Guids", null);
        Guid[] first = JsonData.Deserialize<Guid[]>(state.Output)!;

        var replayed = OrchestrationReplayer.Run(Registry, state.InstanceId, state.History.Take(2).ToList(), []);
        Guid[] second = JsonData.Deserialize<Guid[]>(replayed.Actions.Single().Data)!;

        Assert.Equal(first, second);
        Assert.NotEqual(first[0], first[1]);
    }

    [Fact]
    public async Task Is_replaying_until_the_orchestrator_reaches_events_new_to_this_turn()
    {
        var state = await new InMemoryDriver(Registry).RunAsync("ReplayFlags", null);

        // Final turn: the start and the first result are history (replaying); the second result is new.
        Assert.Equal([true, true, false], JsonData.Deserialize<bool[]>(state.Output)!);
    }

    [Fact]
    public async Task An_event_that_arrives_completes_the_wait()
    {
        var driver = new InMemoryDriver(Registry);
        driver.ExternalEvents.Enqueue(("approved", "risk desk"));

        var state = await driver.RunAsync("Approval", 60_000);

        Assert.Equal("approved by risk desk", JsonData.Deserialize<string>(state.Output));
    }

    [Fact]
    public async Task A_wait_with_no_event_times_out_on_its_durable_timer()
    {
        var state = await new InMemoryDriver(Registry).RunAsync("Approval", 60_000);

        Assert.Equal("timed out", JsonData.Deserialize<string>(state.Output));
    }

    [Fact]
    public async Task Continue_as_new_restarts_with_the_new_input_and_a_fresh_history()
    {
        var driver = new InMemoryDriver(Registry);
        var state = await driver.RunAsync("Counter", 1);

        // The last execution has input 5: 5² + 5 = 30. Its history holds only its own activity.
        Assert.Equal(30, JsonData.Deserialize<int>(state.Output));
        Assert.Equal("5", state.Input);
        Assert.Single(state.History, e => e.Kind == HistoryEventKind.TaskScheduled);
        Assert.Equal(5, state.Generation);
    }

    [Fact]
    public async Task A_failed_activity_fails_the_orchestration_with_its_error()
    {
        var state = await new InMemoryDriver(Registry).RunAsync("Failing", null);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.Status);
        Assert.Equal(typeof(TaskFailedException).FullName, state.Failure!.ErrorType);
        Assert.Equal(typeof(InvalidOperationException).FullName, state.Failure.InnerFailure!.ErrorType);
        Assert.Equal("the venue rejected the order", state.Failure.InnerFailure.ErrorMessage);
    }

    [Fact]
    public async Task A_retry_policy_waits_on_a_durable_timer_then_tries_again()
    {
        var state = await new InMemoryDriver(Registry).RunAsync("Retrying", null, instanceId: "replay-retry");

        // Attempt 1 throws; attempt 2 returns 2 × 2 = 4 after one 50 ms retry timer.
        Assert.Equal(4, JsonData.Deserialize<int>(state.Output));
        Assert.Single(state.History, e => e.Kind == HistoryEventKind.TimerCreated);
        Assert.Equal(2, state.History.Count(e => e.Kind == HistoryEventKind.TaskScheduled));
    }

    [Fact]
    public void A_result_delivered_twice_is_counted_once()
    {
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        HistoryEvent[] past =
        [
            HistoryEvent.ExecutionStarted(at, "FanOut", "2"),
            HistoryEvent.OrchestratorStarted(at),
            HistoryEvent.TaskScheduled(at, 0, "Square", "1"),
            HistoryEvent.TaskScheduled(at, 1, "Square", "2"),
        ];
        HistoryEvent[] arrived =
        [
            HistoryEvent.OrchestratorStarted(at),
            HistoryEvent.TaskCompleted(at, 0, "1"),
            HistoryEvent.TaskCompleted(at, 0, "1"),
            HistoryEvent.TaskCompleted(at, 1, "4"),
        ];

        ReplayResult replay = OrchestrationReplayer.Run(Registry, "i", past, arrived);

        // 1 + 4 = 5, not 1 + 1 + 4.
        Assert.Equal("5", Assert.Single(replay.Actions).Data);
    }

    [Fact]
    public void A_history_the_code_does_not_match_fails_as_non_deterministic()
    {
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        HistoryEvent[] past =
        [
            HistoryEvent.ExecutionStarted(at, "Failing", null),
            HistoryEvent.OrchestratorStarted(at),
            HistoryEvent.TaskScheduled(at, 0, "SomethingElse", "3"),
        ];

        ReplayResult replay = OrchestrationReplayer.Run(Registry, "i", past, []);

        var fail = Assert.Single(replay.Actions);
        Assert.Equal(OrchestratorActionKind.FailOrchestration, fail.Kind);
        Assert.Equal(typeof(NonDeterministicOrchestrationException).FullName, fail.Failure!.ErrorType);
    }

    [Fact]
    public void Replay_runs_inline_even_under_a_synchronization_context()
    {
        var at = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var previous = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(new SynchronizationContext());
        try
        {
            HistoryEvent[] past =
            [
                HistoryEvent.ExecutionStarted(at, "FanOut", "2"),
                HistoryEvent.OrchestratorStarted(at),
                HistoryEvent.TaskScheduled(at, 0, "Square", "1"),
                HistoryEvent.TaskScheduled(at, 1, "Square", "2"),
            ];
            HistoryEvent[] arrived = [HistoryEvent.OrchestratorStarted(at), HistoryEvent.TaskCompleted(at, 0, "1"), HistoryEvent.TaskCompleted(at, 1, "4")];

            ReplayResult replay = OrchestrationReplayer.Run(Registry, "i", past, arrived);

            Assert.Equal("5", Assert.Single(replay.Actions).Data);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(previous);
        }
    }
}
