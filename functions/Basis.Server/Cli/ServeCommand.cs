using System.CommandLine;
using Basis.Api.Hosting;
using Basis.Server.Hosting;

namespace Basis.Server.Cli;

/// <summary><c>basis serve</c> (the default verb): the HTTP host with its orchestration silo.</summary>
internal static class ServeCommand
{
    public static Command Create(CliOutput output)
    {
        var port = new Option<int?>("--port") { Description = $"Port on 127.0.0.1 (default: BASIS_API_PORT or {HostSettings.DefaultApiPort})." };
        var configs = new Option<string?>("--configs") { Description = "Configuration folder (default: ./configs)." };
        var command = new Command("serve", "Run the HTTP API (/api/v1/...), backtests and sweeps as durable orchestrations (embedded, or on Azure Storage with BASIS_ORCHESTRATION_BACKEND=azure_storage). The default verb.") { port, configs };
        command.SetAction((parse, cancellationToken) => RunAsync(output, parse.GetValue(configs), parse.GetValue(port), cancellationToken));
        return command;
    }

    /// <summary>Runs the host until Ctrl+C (or <paramref name="cancellationToken"/>).</summary>
    public static async Task<int> RunAsync(CliOutput output, string? configs, int? port, CancellationToken cancellationToken)
    {
        var settings = PipelineSettings.Load(CliPaths.Configs(configs));
        await using var components = await PipelineComponents.OpenAsync(settings, CliPaths.Data(null), CliPaths.ResultsRoot(), cancellationToken: cancellationToken).ConfigureAwait(false);
        var hostJson = HostJson.Load(Path.Combine(AppContext.BaseDirectory, "host.json"));
        await using var app = WebHost.Build(components, hostJson, port);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var engine = app.Services.GetRequiredService<Basis.Orchestrations.Hosting.DurableTaskEngine>();
        output.Line($"Basis API on {string.Join(", ", app.Urls)} (routes under /{hostJson.RoutePrefix}/v1, OpenAPI at /openapi/v1.json); {engine.Description}; data {components.Data.Description}; results {components.Results.Description}; {WebDashboard.Locate(components.Host).Description}; Ctrl+C stops.");
        await app.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
