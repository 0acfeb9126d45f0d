using System.Net;
using System.Net.Sockets;
using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Engine;

namespace Basis.Server.Hosting;

/// <summary>
/// The pipeline in this process for the command line: an embedded silo (its own free loopback ports, so several
/// commands can run at once) with the same orchestrations and activities as the HTTP host, so a backtest from the
/// command line takes the same code path as one submitted over HTTP.
/// </summary>
internal sealed class EmbeddedPipeline : IAsyncDisposable
{
    private readonly IHost _host;

    private EmbeddedPipeline(IHost host) => _host = host;

    public IOrchestrationClient Client => _host.Services.GetRequiredService<IOrchestrationClient>();

    public static async Task<EmbeddedPipeline> StartAsync(PipelineComponents components, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddBasisPipeline(components);
        builder.UseOrleans(silo => silo.UseEmbeddedOrchestrations(BasisPipeline.Registry(), FreeLoopbackPort(), FreeLoopbackPort()));
        var host = builder.Build();
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        return new EmbeddedPipeline(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync().ConfigureAwait(false);
        _host.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
