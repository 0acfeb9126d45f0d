using Basis.Orchestrations.Hosting;
using Basis.Testing;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Basis.Orchestrations.Tests.Contract;

/// <summary>A host running the contract tasks on one back end; <see cref="Client"/> talks to it.</summary>
public abstract class EngineFixture : IAsyncLifetime
{
    private IHost? _host;

    public DurableTaskClient Client => _host!.Services.GetRequiredService<DurableTaskClient>();

    protected abstract ValueTask<DurableTaskEngineOptions> OptionsAsync();

    public async ValueTask InitializeAsync()
    {
        var options = await OptionsAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddFilter(level => level >= LogLevel.Warning);
        builder.Services.AddDurableTaskEngine(options, ContractTasks.Types);
        _host = builder.Build();
        await _host.StartAsync();
    }

    public virtual async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync();
            _host.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The embedded back end: an in-memory orchestration service.</summary>
public sealed class EmbeddedEngine : EngineFixture
{
    protected override ValueTask<DurableTaskEngineOptions> OptionsAsync() => ValueTask.FromResult(new DurableTaskEngineOptions());
}

/// <summary>The Azure Storage back end on a fresh Azurite.</summary>
public sealed class AzuriteEngine : EngineFixture
{
    private readonly AzuriteServer _azurite = new();

    protected override async ValueTask<DurableTaskEngineOptions> OptionsAsync()
    {
        await _azurite.InitializeAsync();
        return new DurableTaskEngineOptions { Backend = DurableTaskBackend.AzureStorage, StorageConnection = _azurite.ConnectionString, TaskHub = "contract" };
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _azurite.DisposeAsync();
    }
}
