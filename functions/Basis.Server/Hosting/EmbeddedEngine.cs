using Basis.Api.Hosting;
using Basis.Api.Runs;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Hosting;
using Microsoft.DurableTask.Client;

namespace Basis.Server.Hosting;

/// <summary>
/// The command line's engine: the Durable Task Framework in this process on the in-memory back end, running the same
/// orchestrations and activities as the server, so a backtest from the command line takes the same path as one
/// submitted over HTTP. Starts in milliseconds; keeps nothing when the process ends.
/// </summary>
internal sealed class EmbeddedEngine : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedEngine(IHost host) => _host = host;

    /// <summary>The client of the engine.</summary>
    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>The application layer on this engine.</summary>
    public RunService Runs => new(Client, _host.Services.GetRequiredService<BacktestWorkspace>());

    public static async Task<EmbeddedEngine> StartAsync(PipelineComponents components, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddBasisEngine(components, new DurableTaskEngineOptions { Backend = DurableTaskBackend.Embedded });
        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new EmbeddedEngine(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }
}
