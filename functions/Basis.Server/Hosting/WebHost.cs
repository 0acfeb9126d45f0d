using Basis.Server.Http;
using Basis.Orchestrations.Engine;
using Serilog;
using Serilog.Formatting.Compact;

namespace Basis.Server.Hosting;

/// <summary>
/// The HTTP host (DESIGN §8): minimal-API endpoints under <c>/api</c> (host.json's route prefix), OpenAPI at
/// <c>/openapi/v1.json</c>, problem-details errors, Serilog request logging with correlation ids, and the
/// orchestration silo in the same process (embedded, or one silo of a Redis cluster).
/// </summary>
internal static class WebHost
{
    public static WebApplication Build(PipelineComponents components, HostJson hostJson, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(hostJson);
        var settings = components.Settings;
        var listenPort = port ?? components.Host.ApiPort;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(components.Host.ApiBind, listenPort));
        builder.Services.AddSerilog(logger =>
        {
            logger.MinimumLevel.Is(hostJson.LogLevel)
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Orleans", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("Polly", Serilog.Events.LogEventLevel.Warning)
                .Enrich.FromLogContext();
            if (settings["BASIS_DEPLOYMENT_MODE"] == "docker")
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}");
            }
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddBasisPipeline(components);
        builder.UseOrleans(silo => silo.UseOrchestrations(BasisPipeline.Registry(), components.Cluster));

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCorrelationIds();
        app.UseSerilogRequestLogging();
        app.MapOpenApi("/openapi/v1.json");
        app.MapHealthEndpoints();
        var api = app.MapGroup(hostJson.RoutePrefix.Length == 0 ? string.Empty : "/" + hostJson.RoutePrefix);
        api.MapStrategyEndpoints();
        api.MapRunEndpoints();
        return app;
    }
}
