namespace Basis.Orchestrations.Tests.Engine;

internal static class ClusterInspection
{
    /// <summary>The silo where the orchestration grain of <paramref name="instanceId"/> is active.</summary>
    public static async Task<SiloAddress> HostOfOrchestration(IGrainFactory grains, string instanceId)
    {
        var management = grains.GetGrain<IManagementGrain>(0);
#pragma warning disable xUnit1051 // IManagementGrain's calls take no token.
        var activations = await management.GetDetailedGrainStatistics();
#pragma warning restore xUnit1051
        return activations.Single(a => a.GrainType.Contains("OrchestrationGrain", StringComparison.Ordinal)
            && a.GrainId.ToString().EndsWith("/" + instanceId, StringComparison.Ordinal)).SiloAddress;
    }

    /// <summary>The silos the cluster's membership holds active.</summary>
    public static async Task<SiloAddress[]> ActiveSilos(IGrainFactory grains)
    {
#pragma warning disable xUnit1051 // IManagementGrain's calls take no token.
        var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
#pragma warning restore xUnit1051
        return [.. hosts.Keys.Order()];
    }
}
