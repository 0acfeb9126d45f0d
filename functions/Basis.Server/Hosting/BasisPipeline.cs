using Basis.Configuration.Binding;
using Basis.Data.Stores;
using Basis.Server.Http;
using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Engine;
using Basis.Orchestrations.Sweeps;

namespace Basis.Server.Hosting;

/// <summary>
/// Composes the pipeline both hosts run (the HTTP host and the command line's embedded one): the orchestrations
/// and activities, the configuration, market data, result store and scratch space, and the health components.
/// </summary>
internal static class BasisPipeline
{
    /// <summary>Every orchestrator and activity of the pipeline.</summary>
    public static OrchestrationRegistry Registry() => new OrchestrationRegistry().AddBacktests().AddSweeps();

    /// <summary>Registers the pipeline's services.</summary>
    public static IServiceCollection AddBasisPipeline(this IServiceCollection services, PipelineComponents components)
    {
        ArgumentNullException.ThrowIfNull(components);
        var configuration = BasisConfiguration.Load(components.Settings.ConfigsDirectory);

        // Checked once, on the first health check: the configuration is loaded once, so re-reading the files on every
        // probe would report on files the host is not running with.
        var modes = new Lazy<int>(() => configuration.ResolveAllModes().Count);

        // Segments in flight must be readable by whichever silo assembles them: the shared store in a cluster;
        // in one process, memory (an embedded host's orchestrations live in memory too).
        var scratch = components.Cluster.Mode == OrchestrationClusterMode.Embedded ? new MemoryResultStore() : components.Results;
        services.AddSingleton(configuration);
        services.AddSingleton(new BacktestWorkspace(configuration, components.Data, components.Results, scratch));
        services.AddSingleton(new ApiKeys(components.Host.ApiKeyHashes));
        services.AddSingleton(new HealthComponent("config", _ => Task.FromResult($"{modes.Value} modes valid in {components.Settings.ConfigsDirectory}")));
        services.AddSingleton(new HealthComponent("data_source", async ct =>
        {
            await components.Data.CheckHealthAsync(ct);
            return components.Data.Description;
        }));
        services.AddSingleton(new HealthComponent("result_store", async ct =>
        {
            await components.Results.CheckHealthAsync(ct);
            return components.Results.Description;
        }));
        services.AddSingleton(sp => new HealthComponent("orchestration_cluster", async ct =>
        {
            var management = sp.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
            var silos = await management.GetHosts(true, ct);
            return $"{components.Cluster.Mode.ToString().ToLowerInvariant()}, {silos.Count} active silo(s)";
        }));
        return services;
    }
}
