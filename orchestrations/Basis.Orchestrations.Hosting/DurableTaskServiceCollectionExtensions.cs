using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Basis.Orchestrations.Hosting;

/// <summary>Registers the self-hosted Durable Task engine in a host.</summary>
public static class DurableTaskServiceCollectionExtensions
{
    /// <summary>
    /// Adds the engine (a hosted service running <paramref name="types"/> on the back end of <paramref name="options"/>)
    /// and its <see cref="DurableTaskClient"/>.
    /// </summary>
    public static IServiceCollection AddDurableTaskEngine(this IServiceCollection services, DurableTaskEngineOptions options, DurableTaskTypes types)
    {
        ArgumentNullException.ThrowIfNull(services);
        options?.Validate();
        services.AddSingleton(sp => new DurableTaskEngine(options!, types, sp));
        services.AddSingleton<IHostedService>(sp => sp.GetRequiredService<DurableTaskEngine>());
        services.AddSingleton(sp => sp.GetRequiredService<DurableTaskEngine>().Client);
        return services;
    }
}
