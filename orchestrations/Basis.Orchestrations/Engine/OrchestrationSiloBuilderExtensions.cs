using System.Net;
using Basis.Orchestrations.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Basis.Orchestrations.Engine;

/// <summary>Wires the orchestration engine into an Orleans silo.</summary>
public static class OrchestrationSiloBuilderExtensions
{
    /// <summary>
    /// Registers the orchestrators and activities, the engine's options and an <see cref="IOrchestrationClient"/>.
    /// Grain storage named <see cref="OrchestrationEngineOptions.StorageName"/> and a reminder service must be
    /// configured too: <see cref="UseEmbeddedOrchestrationStorage"/> for one process.
    /// </summary>
    public static ISiloBuilder AddOrchestrations(this ISiloBuilder silo, OrchestrationRegistry registry, Action<OrchestrationEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(registry);
        silo.Services.AddSingleton(registry);
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.TryAddSingleton<IOrchestrationClient, OrchestrationClient>();
        silo.Services.TryAddSingleton<ActivitySlots>();
        var options = silo.Services.AddOptions<OrchestrationEngineOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options
            .Validate(o => o.WatchdogPeriod > TimeSpan.Zero, "OrchestrationEngineOptions.WatchdogPeriod must be positive.")
            .Validate(o => o.ActivityRedeliveryAfter > TimeSpan.Zero, "OrchestrationEngineOptions.ActivityRedeliveryAfter must be positive.")
            .Validate(o => o.MaxConcurrentActivities > 0, "OrchestrationEngineOptions.MaxConcurrentActivities must be positive.")
            .ValidateOnStart();

        return silo;
    }

    /// <summary>In-memory grain storage and reminders: nothing to install, nothing survives the process.</summary>
    public static ISiloBuilder UseEmbeddedOrchestrationStorage(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.AddMemoryGrainStorage(OrchestrationEngineOptions.StorageName).UseInMemoryReminderService();
    }

    /// <summary>
    /// The embedded default: a single silo on localhost clustering bound to and advertising 127.0.0.1,
    /// with in-memory storage and reminders.
    /// </summary>
    public static ISiloBuilder UseEmbeddedOrchestrations(this ISiloBuilder silo, OrchestrationRegistry registry, int siloPort = 11111, int gatewayPort = 30000)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo
            .UseLocalhostClustering(siloPort, gatewayPort)
            .ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: false)
            .UseEmbeddedOrchestrationStorage()
            .AddOrchestrations(registry);
    }
}
