using Basis.Api.Hosting;
using Basis.Api.Http;
using Basis.Orchestrations;
using Basis.Orchestrations.Hosting;
using Microsoft.DurableTask.Client;

namespace Basis.Server.Hosting;

/// <summary>The self-hosted Durable Task engine the server and the command line run: what it runs, and how.</summary>
internal static class ServerEngine
{
    /// <summary>Every orchestrator and activity of the pipeline.</summary>
    public static DurableTaskTypes Types() => new DurableTaskTypes().AddOrchestrators(BasisTasks.Orchestrators).AddActivities(BasisTasks.Activities);

    /// <summary>
    /// The engine's options: the back end and storage from the settings; the task hub from <c>BASIS_TASK_HUB</c>, then
    /// host.json's <c>hubName</c>; partitions and concurrency from host.json, as the Functions host reads them.
    /// </summary>
    public static DurableTaskEngineOptions Options(HostSettings settings, HostJson hostJson)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(hostJson);
        var defaults = new DurableTaskEngineOptions();
        var durable = hostJson.DurableTask;
        return defaults with
        {
            Backend = settings.Orchestration.Backend == OrchestrationBackend.AzureStorage ? DurableTaskBackend.AzureStorage : DurableTaskBackend.Embedded,
            StorageConnection = settings.Orchestration.StorageConnection,
            TaskHub = settings.Orchestration.TaskHub ?? durable.HubName ?? defaults.TaskHub,
            PartitionCount = durable.PartitionCount ?? defaults.PartitionCount,
            MaxConcurrentActivities = durable.MaxConcurrentActivities ?? defaults.MaxConcurrentActivities,
            MaxConcurrentOrchestrations = durable.MaxConcurrentOrchestrations ?? defaults.MaxConcurrentOrchestrations,
        };
    }

    /// <summary>Registers the API's services and the engine in a host.</summary>
    public static IServiceCollection AddBasisEngine(this IServiceCollection services, PipelineComponents components, DurableTaskEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        services.AddBasisApi(components, sharedScratch: options.Backend == DurableTaskBackend.AzureStorage);
        services.AddDurableTaskEngine(options, Types());
        services.AddSingleton(sp => OrchestrationHealth.Of(
            sp.GetRequiredService<DurableTaskClient>(),
            options.Backend == DurableTaskBackend.AzureStorage ? $"azure storage, task hub {options.TaskHub}" : "embedded"));
        return services;
    }
}
