using System.Text.Json.Nodes;
using Basis.Configuration.Binding;
using Basis.Core.Simulation;
using Basis.Data.Canonical;
using Basis.Data.Results;
using Basis.Data.Stores;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Hosting;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Basis.Orchestrations.Tests.Support;

/// <summary>
/// The pipeline's orchestrations and real activities on a Durable Task engine, as a process runs them: its own
/// workspace (caches, strategies) over shared stores, so a second pipeline on the same task hub is another process.
/// </summary>
internal sealed class Pipeline : IAsyncDisposable
{
    private readonly IHost _host;

    private Pipeline(IHost host, BacktestWorkspace workspace)
    {
        _host = host;
        Workspace = workspace;
    }

    public DurableTaskClient Client => _host.Services.GetRequiredService<DurableTaskClient>();

    public BacktestWorkspace Workspace { get; }

    /// <summary>
    /// Starts a pipeline on <paramref name="options"/> (embedded by default) reading <paramref name="dataFolder"/> (the
    /// sample by default), with the host's other <paramref name="services"/> (the live runtime) when given.
    /// </summary>
    public static async Task<Pipeline> StartAsync(IResultStore results, DurableTaskEngineOptions? options = null, string? dataFolder = null, IResultStore? scratch = null, Action<IServiceCollection>? services = null)
    {
        var workspace = new BacktestWorkspace(BasisConfiguration.Load(Repository.Path("configs")), new LocalMarketDataSource(dataFolder ?? Repository.Path("data")), results, scratch ?? new MemoryResultStore());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Services.AddSingleton(workspace);
        services?.Invoke(builder.Services);
        builder.Services.AddDurableTaskEngine(options ?? new DurableTaskEngineOptions(), new DurableTaskTypes().AddOrchestrators(BasisTasks.Orchestrators).AddActivities(BasisTasks.Activities));
        var host = builder.Build();
        await host.StartAsync();
        return new Pipeline(host, workspace);
    }

    /// <summary>Waits (at most two minutes) for the instance to finish.</summary>
    public async Task<OrchestrationMetadata> WaitAsync(string id)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(TimeSpan.FromMinutes(2));
        return await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, patience.Token);
    }

    /// <summary>The summary.json a one-shot engine run of <paramref name="request"/> writes, without its timing.</summary>
    public async Task<string> OneShotSummaryAsync(string runId, BacktestRequest request)
    {
        var prepared = Workspace.Prepare(runId, request);
        var market = await Workspace.MarketAsync(prepared, TestContext.Current.CancellationToken);
        return WithoutElapsed(System.Text.Encoding.UTF8.GetBytes(ResultArtefacts.SummaryJson(BacktestEngine.Run(prepared.Spec, prepared.Strategy, market).Summary)));
    }

    /// <summary>A summary.json without <c>elapsed_ms</c>, the one figure that differs between identical runs.</summary>
    public static string WithoutElapsed(byte[] summary)
    {
        var json = JsonNode.Parse(summary)!.AsObject();
        json.Remove("elapsed_ms");
        return json.ToJsonString();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>Folders of the repository the tests run in.</summary>
internal static class Repository
{
    public static string Path(string folder)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Basis.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, folder);
            }
        }

        throw new DirectoryNotFoundException("Basis.sln not found above the test binaries.");
    }
}
