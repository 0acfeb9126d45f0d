using Basis.Api.Http;

namespace Basis.FunctionApp.Hosting;

/// <summary>
/// The orchestration back end's health on Functions: a point read of an instance that never exists. It goes through
/// the worker's channel to the host's Durable extension and on to the task hub's storage, so it fails when any of them
/// does, and costs one storage read.
/// </summary>
public static class OrchestrationHealth
{
    /// <summary>An instance id no run ever has (run ids start with <c>bt_</c> or <c>sw_</c>).</summary>
    public const string ProbeInstanceId = "health-probe";

    public static HealthComponent Of(DurableTaskClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return new HealthComponent("orchestration", async cancellationToken =>
        {
            await client.GetInstanceAsync(ProbeInstanceId, cancellationToken).ConfigureAwait(false);
            return $"durable functions, task hub {client.Name}";
        });
    }
}
