using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Basis.Orchestrations.Hosting;

/// <summary>
/// The Durable Task Framework in this process: a <see cref="TaskHubWorker"/> running the registered orchestrators
/// and activities on the configured back end, and a <see cref="DurableTaskClient"/> on the same back end. A hosted
/// service: the worker starts and stops with the host (a graceful stop hands Azure Storage leases over at once).
/// </summary>
public sealed class DurableTaskEngine : IHostedService, IAsyncDisposable
{
    /// <summary>Payloads as every host writes them (<see cref="DurableConventions.PayloadJson"/>).</summary>
    public static readonly DataConverter Converter = new JsonDataConverter(DurableConventions.PayloadJson);

    private readonly DurableTaskTypes _types;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggers;
    private readonly IOrchestrationService _service;
    private TaskHubWorker? _worker;

    public DurableTaskEngine(DurableTaskEngineOptions options, DurableTaskTypes types, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(types);
        ArgumentNullException.ThrowIfNull(services);
        options.Validate();
        Options = options;
        _types = types;
        _services = services;
        _loggers = services.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance;
        _service = options.Backend == DurableTaskBackend.AzureStorage ? AzureStorage(options, _loggers) : new InMemoryOrchestrationService(_loggers);
        Client = new TaskHubDurableTaskClient(options.TaskHub, (IOrchestrationServiceClient)_service, Converter);
    }

    /// <summary>The options the engine runs with.</summary>
    public DurableTaskEngineOptions Options { get; }

    /// <summary>A client on this engine's back end (any process on the same task hub sees the same instances).</summary>
    public DurableTaskClient Client { get; }

    /// <summary>A description for logs and health checks, without the connection string (it may hold a key).</summary>
    public string Description => Options.Backend == DurableTaskBackend.AzureStorage
        ? $"Durable Task Framework on Azure Storage, task hub '{Options.TaskHub}'"
        : "Durable Task Framework in memory (embedded, not durable)";

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _service.CreateIfNotExistsAsync().ConfigureAwait(false);
        _worker = new TaskHubWorker(_service, _loggers);
        DurableTaskShim.Register(_worker, _types, _services, Converter);
        await _worker.StartAsync().ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is { } worker)
        {
            // A graceful stop hands Azure Storage leases over at once instead of letting them expire. In memory there is
            // nothing to hand over, and DurableTask.Core's graceful stop waits in whole seconds for its idle fetchers.
            _worker = null;
            await worker.StopAsync(isForced: Options.Backend == DurableTaskBackend.Embedded).ConfigureAwait(false);
            worker.Dispose();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        (_service as IDisposable)?.Dispose();
    }

    private static AzureStorageOrchestrationService AzureStorage(DurableTaskEngineOptions options, ILoggerFactory loggers) => new(new AzureStorageOrchestrationServiceSettings
    {
        StorageAccountClientProvider = new StorageAccountClientProvider(options.StorageConnection!),
        TaskHubName = options.TaskHub,
        PartitionCount = options.PartitionCount,
        MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
        MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
        MaxQueuePollingInterval = options.MaxQueuePollingInterval,
        LeaseInterval = options.LeaseInterval,
        LeaseRenewInterval = options.LeaseRenewInterval,
        LeaseAcquireInterval = options.LeaseAcquireInterval,
        ControlQueueVisibilityTimeout = options.MessageVisibilityTimeout,
        WorkItemQueueVisibilityTimeout = options.MessageVisibilityTimeout,
        LoggerFactory = loggers,

        // Starting an instance id that is still running is refused (the client asks with Pending/Running/Suspended).
        ThrowExceptionOnInvalidDedupeStatus = true,
    });
}
