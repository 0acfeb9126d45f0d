using System.Diagnostics;
using Basis.Orchestrations.Abstractions;

namespace Basis.Orchestrations.Tests.Engine;

[Collection(ClusterGroup.Name)]
public sealed class OrchestrationEngineContractTests(ClusterFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IOrchestrationClient Client => fixture.Client;

    [Fact]
    public void Every_silo_binds_and_advertises_loopback()
    {
        Assert.All(fixture.Cluster.GetActiveSilos(), silo => Assert.Equal("127.0.0.1", silo.SiloAddress.Endpoint.Address.ToString()));
    }

    [Fact]
    public async Task Fan_out_of_a_thousand_activities_sums_every_result()
    {
        string id = await Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 1_000, cancellationToken: Ct);

        var done = await WaitAsync(id);

        // Σ i² for i = 1..1000 = 1000·1001·2001 / 6 = 333,833,500
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(333_833_500, done.ReadOutputAs<int>());
        Assert.Equal(1_000, done.ReadCustomStatusAs<Dictionary<string, int>>()!["scheduled"]);
    }

    [Fact]
    public async Task A_durable_timer_fires_no_earlier_than_asked()
    {
        var clock = Stopwatch.StartNew();
        string id = await Client.ScheduleNewOrchestrationInstanceAsync("Sleep", 500, cancellationToken: Ct);

        var done = await WaitAsync(id);

        DateTime[] times = done.ReadOutputAs<DateTime[]>()!;
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(500), $"recorded {times[1] - times[0]}");
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(500), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task An_external_event_is_received()
    {
        string id = await Client.ScheduleNewOrchestrationInstanceAsync("Approval", 30_000, cancellationToken: Ct);
        await Client.RaiseEventAsync(id, "Approved", "risk desk", cancellationToken: Ct);

        var done = await WaitAsync(id);

        Assert.Equal("approved by risk desk", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task A_wait_for_an_event_that_never_comes_times_out()
    {
        string id = await Client.ScheduleNewOrchestrationInstanceAsync("Approval", 300, cancellationToken: Ct);

        var done = await WaitAsync(id);

        Assert.Equal("timed out", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task Continue_as_new_counts_to_five()
    {
        string id = await Client.ScheduleNewOrchestrationInstanceAsync("Counter", 1, cancellationToken: Ct);

        var done = await WaitAsync(id);

        // Executions with inputs 1, 2, 3, 4 continue as new; the fifth returns 5² + 5 = 30.
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(30, done.ReadOutputAs<int>());
        Assert.Equal("5", done.SerializedInput);
    }

    [Fact]
    public async Task A_failing_activity_fails_the_orchestration_with_the_activity_error()
    {
        string id = await Client.ScheduleNewOrchestrationInstanceAsync("Failing", cancellationToken: Ct);

        var done = await WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        FailureDetails failure = done.FailureDetails!;
        Assert.Contains("Fail", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(typeof(InvalidOperationException).FullName, failure.InnerFailure!.ErrorType);
        Assert.Equal("the venue rejected the order", failure.InnerFailure.ErrorMessage);
        Assert.True(failure.IsCausedBy(nameof(InvalidOperationException)));
    }

    [Fact]
    public async Task An_activity_that_throws_once_succeeds_under_a_retry_policy()
    {
        string id = await Client.ScheduleNewOrchestrationInstanceAsync("Retrying", instanceId: "retry-" + Guid.NewGuid().ToString("N"), cancellationToken: Ct);

        var done = await WaitAsync(id);

        // Attempt 1 throws TimeoutException; attempt 2 returns 2 × 2 = 4.
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(4, done.ReadOutputAs<int>());
        Assert.Equal(2, SampleOrchestrations.FlakyAttempts[id]);
    }

    [Fact]
    public async Task A_terminated_instance_stops_with_the_reason()
    {
        string id = await Client.ScheduleNewOrchestrationInstanceAsync("WaitForever", cancellationToken: Ct);
        await Client.TerminateInstanceAsync(id, "cancelled by operator", cancellationToken: Ct);

        var done = await WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal("cancelled by operator", done.ReadOutputAs<string>());
    }

    [Fact]
    public async Task An_unknown_instance_has_no_metadata_and_an_unknown_orchestrator_is_refused()
    {
        Assert.Null(await Client.GetInstanceAsync("never-started-" + Guid.NewGuid().ToString("N"), cancellationToken: Ct));
        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => Client.ScheduleNewOrchestrationInstanceAsync("NoSuchOrchestrator", cancellationToken: Ct));
    }

    [Fact]
    public async Task Starting_a_running_instance_again_is_refused()
    {
        string id = await Client.ScheduleNewOrchestrationInstanceAsync("WaitForever", cancellationToken: Ct);

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => Client.ScheduleNewOrchestrationInstanceAsync("WaitForever", instanceId: id, cancellationToken: Ct));
        await Client.TerminateInstanceAsync(id, cancellationToken: Ct);
    }

    private async Task<OrchestrationMetadata> WaitAsync(string id)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(Patience);
        return await Client.WaitForInstanceCompletionAsync(id, timeout.Token);
    }
}
