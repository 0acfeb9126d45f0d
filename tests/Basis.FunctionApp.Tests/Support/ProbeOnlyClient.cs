using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Basis.FunctionApp.Tests.Support;

/// <summary>
/// A Durable client that knows no instance (or, when <paramref name="failure"/> is given, cannot reach its task hub)
/// and refuses anything else: enough for the health check, which only looks an instance up.
/// </summary>
internal sealed class ProbeOnlyClient(string taskHub, Exception? failure = null) : DurableTaskClient(taskHub)
{
    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        failure is null ? Task.FromResult<OrchestrationMetadata?>(null) : Task.FromException<OrchestrationMetadata?>(failure);

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => throw Refused();

    public override Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) => throw Refused();

    public override Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default) => throw Refused();

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) => throw Refused();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw Refused();

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) => throw Refused();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw Refused();

    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default) => throw Refused();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw Refused();

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) => throw Refused();

    private static NotSupportedException Refused() => new("The health check only looks an instance up.");
}
