using Azure.Core.Serialization;
using Basis.Api.Hosting;
using Basis.Orchestrations;
using Microsoft.Extensions.DependencyInjection;

namespace Basis.FunctionApp.Hosting;

/// <summary>
/// How the Functions app composes the pipeline, as the self-hosted server does: settings from the configs folder
/// (<c>configs/</c> beside the app, or <c>BASIS_CONFIG_DIR</c>) layered under the app settings, the market data and
/// result store they choose, and the API's services. The Functions host runs the orchestrations itself.
/// </summary>
public static class FunctionAppHost
{
    /// <summary>The configs folder: <c>BASIS_CONFIG_DIR</c>, else the copy of the repository's <c>configs/</c> the build puts beside the app.</summary>
    public static string ConfigsDirectory =>
        Environment.GetEnvironmentVariable("BASIS_CONFIG_DIR") is { Length: > 0 } folder ? folder : Path.Combine(AppContext.BaseDirectory, "configs");

    /// <summary>
    /// Opens the pipeline's parts; market data defaults to the sample copied beside the app, results to <c>results/</c>
    /// beside it (on Azure, set <c>BASIS_DATABASE_CONNECTION</c> or <c>BASIS_RESULTS_DIR</c>: a deployed package is
    /// read-only, and instances share the work). Bad settings throw a ConfigException naming each variable.
    /// </summary>
    public static Task<PipelineComponents> OpenAsync(CancellationToken cancellationToken = default) =>
        PipelineComponents.OpenAsync(
            PipelineSettings.Load(ConfigsDirectory),
            Path.Combine(AppContext.BaseDirectory, "data"),
            Path.Combine(AppContext.BaseDirectory, "results"),
            cancellationToken: cancellationToken);

    /// <summary>Registers what the functions use.</summary>
    public static IServiceCollection AddBasisFunctionApp(this IServiceCollection services, PipelineComponents components)
    {
        // Activities may run on any instance of the app, so a long run's segments wait in the shared result store.
        services.AddBasisApi(components, sharedScratch: true);

        // Durable Functions serialises inputs, outputs and custom status with the worker's serializer: web defaults
        // (camelCase), as the self-hosted engine does, so a run's status reads the same from either host.
        services.Configure<WorkerOptions>(options => options.Serializer = new JsonObjectSerializer(DurableConventions.PayloadJson));
        return services;
    }
}
