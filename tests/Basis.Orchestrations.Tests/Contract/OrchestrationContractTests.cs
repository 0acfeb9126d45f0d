using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Basis.Orchestrations.Tests.Contract;

/// <summary>
/// What the pipeline relies on from the Durable Task engine, checked on each back end the hosts run: fan-out, durable
/// timers, external events and their timeout, ContinueAsNew, failures carrying the activity's error, retries,
/// sub-orchestrations, custom status and termination.
/// </summary>
public abstract class OrchestrationContractTests(EngineFixture engine)
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private DurableTaskClient Client => engine.Client;

    [Fact]
    public async Task A_fan_out_of_a_thousand_activities_sums_every_result()
    {
        var finished = await RunAsync(nameof(FanOut), 1000);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        Assert.Equal(333_833_500L, finished.ReadOutputAs<long>()); // Σ i², i = 1..1000 = n(n+1)(2n+1)/6
        Assert.Equal("{\"scheduled\":1000}", finished.SerializedCustomStatus);
    }

    [Fact]
    public async Task A_durable_timer_fires_when_asked()
    {
        var finished = await RunAsync(nameof(Sleep), 3.0);

        // The Azure Storage provider delays a timer's message by whole seconds (a queue's visibility timeout), counted
        // from when the episode's writes finish: a timer may fire up to a second before its time, never later than
        // its time plus the queue polling interval.
        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        Assert.InRange(finished.ReadOutputAs<double>(), 2.0, 30.0);
    }

    [Fact]
    public async Task An_external_event_is_delivered_to_the_waiting_orchestration()
    {
        var id = await StartAsync(nameof(Approval), 60.0);
        await Client.WaitForInstanceStartAsync(id, TestContext.Current.CancellationToken);
        await Client.RaiseEventAsync(id, "approval", "approved by ops", TestContext.Current.CancellationToken);

        var finished = await WaitAsync(id);
        Assert.Equal("approved by ops", finished.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Waiting_for_an_event_times_out()
    {
        var finished = await RunAsync(nameof(Approval), 1.0);

        Assert.Equal("timed out", finished.ReadOutputAs<string>());
    }

    [Fact]
    public async Task ContinueAsNew_starts_a_new_execution_with_the_new_input()
    {
        var finished = await RunAsync(nameof(Counter), 0);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        Assert.Equal(5, finished.ReadOutputAs<int>());
    }

    [Fact]
    public async Task A_failed_activity_fails_the_orchestration_with_the_activity_error()
    {
        var finished = await RunAsync(nameof(FailingCall), "the venue refused");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, finished.RuntimeStatus);
        var innermost = Assert.IsType<Microsoft.DurableTask.TaskFailureDetails>(finished.FailureDetails).Innermost();

        Assert.Equal("the venue refused", innermost.ErrorMessage);
        Assert.True(innermost.IsCausedBy<InvalidOperationException>(), innermost.ErrorType);
    }

    [Fact]
    public async Task A_retry_policy_runs_the_activity_again_until_it_succeeds()
    {
        var key = Guid.NewGuid().ToString("N");
        var finished = await RunAsync(nameof(RetriedCall), key);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        Assert.Equal(6, finished.ReadOutputAs<int>()); // third attempt: 2 × 3
        Assert.Equal(3, ContractTasks.FlakyAttempts[key]);
    }

    [Fact]
    public async Task Sub_orchestrations_return_their_results_and_their_failures_to_the_parent()
    {
        var id = await StartAsync(nameof(Parent), 10);
        var finished = await WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        var result = finished.ReadOutputAs<ParentResult>()!;
        Assert.Equal(10 * 385L, result.Sum); // each child: Σ i², i = 1..10 = 385
        Assert.Equal("child failed", result.ChildError);

        // Children run as instances of their own, under the ids the parent gave them.
        var child = await Client.GetInstanceAsync($"{id}-007", getInputsAndOutputs: true, TestContext.Current.CancellationToken);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, child?.RuntimeStatus);
        Assert.Equal(385L, child!.ReadOutputAs<long>());
    }

    [Fact]
    public async Task A_terminated_orchestration_stops_and_says_so()
    {
        var id = await StartAsync(nameof(Sleep), 3600.0);
        await Client.WaitForInstanceStartAsync(id, TestContext.Current.CancellationToken);
        await Client.TerminateInstanceAsync(id, "stopped by the test", TestContext.Current.CancellationToken);

        var finished = await WaitAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Terminated, finished.RuntimeStatus);
    }

    [Fact]
    public async Task An_unknown_instance_is_null_and_a_running_id_cannot_be_started_twice()
    {
        Assert.Null(await Client.GetInstanceAsync("no-such-instance", TestContext.Current.CancellationToken));

        var id = await StartAsync(nameof(Sleep), 3600.0);
        await Assert.ThrowsAnyAsync<Exception>(() => Client.ScheduleNewOrchestrationInstanceAsync(nameof(Sleep), 1.0, new StartOrchestrationOptions(id), TestContext.Current.CancellationToken));
        await Client.TerminateInstanceAsync(id, cancellation: TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Instances_are_found_by_id_prefix()
    {
        var prefix = $"query-{Guid.NewGuid():N}";
        for (var i = 0; i < 3; i++)
        {
            await StartAsync(nameof(FanOut), 1, $"{prefix}-{i}");
        }

        for (var i = 0; i < 3; i++)
        {
            await WaitAsync($"{prefix}-{i}");
        }

        var found = new List<string>();
        await foreach (var instance in Client.GetAllInstancesAsync(new OrchestrationQuery { InstanceIdPrefix = prefix }))
        {
            found.Add(instance.InstanceId);
        }

        Assert.Equal([$"{prefix}-0", $"{prefix}-1", $"{prefix}-2"], found.Order());
    }

    private async Task<OrchestrationMetadata> RunAsync<T>(string orchestrator, T input) => await WaitAsync(await StartAsync(orchestrator, input));

    private Task<string> StartAsync<T>(string orchestrator, T input, string? id = null) =>
        Client.ScheduleNewOrchestrationInstanceAsync(orchestrator, input, new StartOrchestrationOptions(id ?? $"{orchestrator}-{Guid.NewGuid():N}"), TestContext.Current.CancellationToken);

    private async Task<OrchestrationMetadata> WaitAsync(string id)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(Patience);
        return await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, patience.Token);
    }
}

/// <summary>The contract on the embedded back end (the command line and a <c>basis serve</c> with nothing configured).</summary>
public sealed class EmbeddedContractTests(EmbeddedEngine engine) : OrchestrationContractTests(engine), IClassFixture<EmbeddedEngine>;

/// <summary>The contract on the Azure Storage back end, on Azurite.</summary>
public sealed class AzureStorageContractTests(AzuriteEngine engine) : OrchestrationContractTests(engine), IClassFixture<AzuriteEngine>;
