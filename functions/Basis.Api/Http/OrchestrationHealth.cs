using Microsoft.DurableTask.Client;

namespace Basis.Api.Http;

/// <summary>
/// The orchestration back end's health, on either host: a point read, through the host's Durable client, of an instance
/// that never exists. It reaches the task hub's storage (and on Functions the host's Durable extension on the way), so
/// it fails when any of them does, and costs one read.
/// </summary>
public static class OrchestrationHealth
{
    /// <summary>An instance id no run ever has (run ids start with <c>bt_</c> or <c>sw_</c>).</summary>
    public const string ProbeInstanceId = "health-probe";

    /// <summary>The <c>orchestration</c> component (<c>reachable</c>: the task hub answered the read), described as <paramref name="description"/> when healthy (no connection strings).</summary>
    public static HealthComponent Of(DurableTaskClient client, string description)
    {
        ArgumentNullException.ThrowIfNull(client);
        return HealthComponent.Reachable("orchestration", description, async cancellationToken =>
            await client.GetInstanceAsync(ProbeInstanceId, cancellationToken).ConfigureAwait(false));
    }
}
