using Basis.Orchestrations.Live;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Basis.Api.Live;

/// <summary>How timers and operators ask an instance for a cycle or a reconciliation: by starting its one cycle orchestration.</summary>
public static class LiveSignals
{
    /// <summary>The orchestration id every cycle of <paramref name="instanceId"/> runs under.</summary>
    public static string OrchestrationId(string instanceId) => $"live-{instanceId}";

    /// <summary>
    /// Starts a cycle of the instance; returns false when one is already running. Nothing is lost then: a cycle runs
    /// the instance up to the time it runs, so the running one covers this request's hour, or the next timer does.
    /// </summary>
    public static Task<bool> RequestCycleAsync(DurableTaskClient client, string instanceId, DateTimeOffset cycleUtc, CancellationToken cancellationToken = default) =>
        StartAsync(client, new LiveCycleInput(instanceId, cycleUtc), cancellationToken);

    /// <summary>
    /// Starts a reconciliation of the instance in its cycle orchestration, so it never compares the ledger with the
    /// venues in the middle of a rebalance; returns false when a cycle is running (the next reconcile timer tries again).
    /// </summary>
    public static Task<bool> RequestReconcileAsync(DurableTaskClient client, string instanceId, DateTimeOffset requestedUtc, CancellationToken cancellationToken = default) =>
        StartAsync(client, new LiveCycleInput(instanceId, requestedUtc, LiveWork.Reconcile), cancellationToken);

    private static async Task<bool> StartAsync(DurableTaskClient client, LiveCycleInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (instanceId, id) = (input.InstanceId, OrchestrationId(input.InstanceId));
        if (await IsRunningAsync(client, id, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(LiveCycleOrchestrator.Name, input, new StartOrchestrationOptions(id), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Another timer or operator may have started it between the check and the start; anything else is a failure.
            return await IsRunningAsync(client, id, cancellationToken).ConfigureAwait(false) ? false : throw new InvalidOperationException($"The cycle of live instance {instanceId} could not be started: {e.Message}", e);
        }
    }

    private static async Task<bool> IsRunningAsync(DurableTaskClient client, string id, CancellationToken cancellationToken) =>
        await client.GetInstanceAsync(id, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false) is { } instance
        && instance.RuntimeStatus is OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Suspended;
}
