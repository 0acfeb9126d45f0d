using Basis.Api.Hosting;
using Basis.Api.Http;
using Basis.Live.Schedules;
using Serilog;
using Serilog.Formatting.Compact;

namespace Basis.Server.Hosting;

/// <summary>
/// The self-hosted server (DESIGN §8): the API's routes under host.json's route prefix (<c>/api</c>), OpenAPI at
/// <c>/openapi/v1.json</c>, the web dashboard at <c>/</c> (<see cref="WebDashboard"/>), problem-details errors,
/// Serilog request logging with correlation ids, and the Durable Task engine in the same process (embedded, or one of
/// several workers on an Azure Storage task hub).
/// </summary>
internal static class WebHost
{
    public static WebApplication Build(PipelineComponents components, HostJson hostJson, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(hostJson);
        var settings = components.Settings;
        var listenPort = port ?? components.Host.ApiPort;

        // Activities are CPU-bound work items tens of milliseconds long, queued on the thread pool like requests: with
        // only a thread per core, a health probe waited behind them until the pool grew. Threads to spare keep the API
        // answering while a sweep saturates the processors.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 8 * Environment.ProcessorCount), completionPorts);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(components.Host.ApiBind, listenPort));
        builder.Services.AddSerilog(logger =>
        {
            logger.MinimumLevel.Is(SerilogLevel(hostJson.LogLevel))
                .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
                .MinimumLevel.Override("DurableTask", Serilog.Events.LogEventLevel.Warning)
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
        builder.Services.AddBasisOpenApi();
        builder.Services.AddBasisEngine(components, ServerEngine.Options(components.Host, hostJson));
        builder.Services.AddHostedService<RunReconciler>();
        if (components.Host.RunsLiveTimers)
        {
            builder.Services.AddSingleton(LiveSchedules.Load(components.Settings.ConfigsDirectory));
            builder.Services.AddHostedService<LiveScheduler>();
        }

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseCorrelationIds();
        app.UseSerilogRequestLogging();
        app.MapOpenApi("/openapi/v1.json");
        WebDashboard.Locate(components.Host).Use(app, hostJson.RoutePrefix);
        app.MapBasisApi(hostJson.RoutePrefix, components.Host.RequireKeyForReads);
        return app;
    }

    private static Serilog.Events.LogEventLevel SerilogLevel(LogLevel level) => level switch
    {
        LogLevel.Trace => Serilog.Events.LogEventLevel.Verbose,
        LogLevel.Debug => Serilog.Events.LogEventLevel.Debug,
        LogLevel.Information => Serilog.Events.LogEventLevel.Information,
        LogLevel.Warning => Serilog.Events.LogEventLevel.Warning,
        LogLevel.Error => Serilog.Events.LogEventLevel.Error,
        _ => Serilog.Events.LogEventLevel.Fatal,
    };
}
