using System.Text.Json;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Dtfx = DurableTask.Core;
using OrchestrationQuery = Microsoft.DurableTask.Client.OrchestrationQuery;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace Basis.Orchestrations.Hosting;

/// <summary>
/// A <see cref="DurableTaskClient"/> over a Durable Task Framework orchestration service (Azure Storage or in memory),
/// so the hosts' code talks to the self-hosted engine exactly as it talks to Azure Functions' <c>[DurableClient]</c>.
/// Inputs, events and outputs are serialised with the same <see cref="DataConverter"/> the worker's orchestrators use.
/// </summary>
public sealed class TaskHubDurableTaskClient : DurableTaskClient
{
    private readonly IOrchestrationServiceClient _client;
    private readonly DataConverter _converter;

    public TaskHubDurableTaskClient(string name, IOrchestrationServiceClient client, DataConverter converter)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(converter);
        _client = client;
        _converter = converter;
    }

    /// <inheritdoc />
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        var instance = new OrchestrationInstance
        {
            InstanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N"),
            ExecutionId = Guid.NewGuid().ToString("N"),
        };
        var started = new ExecutionStartedEvent(-1, _converter.Serialize(input))
        {
            Name = orchestratorName.Name,
            Version = options?.Version ?? string.Empty,
            OrchestrationInstance = instance,
            ScheduledStartTime = options?.StartAt?.UtcDateTime,
        };

        // An instance id that is still running (or pending) is refused rather than silently restarted.
        Dtfx.OrchestrationStatus[] dedupe = [Dtfx.OrchestrationStatus.Pending, Dtfx.OrchestrationStatus.Running, Dtfx.OrchestrationStatus.Suspended];
        await _client.CreateTaskOrchestrationAsync(new TaskMessage { OrchestrationInstance = instance, Event = started }, dedupe).ConfigureAwait(false);
        return instance.InstanceId;
    }

    /// <inheritdoc />
    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        return SendAsync(instanceId, new EventRaisedEvent(-1, _converter.Serialize(eventPayload)) { Name = eventName }, cancellation);
    }

    /// <inheritdoc />
    public override Task TerminateInstanceAsync(string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        return _client.ForceTerminateTaskOrchestrationAsync(instanceId, _converter.Serialize(options?.Output));
    }

    /// <inheritdoc />
    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason), cancellation);

    /// <inheritdoc />
    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        SendAsync(instanceId, new ExecutionResumedEvent(-1, reason), cancellation);

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        var states = await _client.GetOrchestrationStateAsync(instanceId, allExecutions: false).ConfigureAwait(false);
        return states is { Count: > 0 } && states[0] is { } state ? await ToMetadataAsync(state, getInputsAndOutputs).ConfigureAwait(false) : null;
    }

    /// <inheritdoc />
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        var queries = _client as Dtfx.Query.IOrchestrationServiceQueryClient
            ?? throw new NotSupportedException($"{_client.GetType().Name} cannot query instances.");
        return Pageable.Create(async (continuation, pageSize, cancellation) =>
        {
            var query = new Dtfx.Query.OrchestrationQuery
            {
                RuntimeStatus = filter?.Statuses?.Select(ToCore).ToList(),
                CreatedTimeFrom = filter?.CreatedFrom?.UtcDateTime,
                CreatedTimeTo = filter?.CreatedTo?.UtcDateTime,
                InstanceIdPrefix = filter?.InstanceIdPrefix,
                PageSize = pageSize ?? filter?.PageSize ?? OrchestrationQuery.DefaultPageSize,
                ContinuationToken = continuation ?? filter?.ContinuationToken,
                FetchInputsAndOutputs = filter?.FetchInputsAndOutputs ?? false,
            };
            var result = await queries.GetOrchestrationWithQueryAsync(query, cancellation).ConfigureAwait(false);
            var page = new List<OrchestrationMetadata>(result.OrchestrationState.Count);
            foreach (var state in result.OrchestrationState)
            {
                page.Add(await ToMetadataAsync(state, query.FetchInputsAndOutputs).ConfigureAwait(false));
            }

            return new Page<OrchestrationMetadata>(page, result.ContinuationToken);
        });
    }

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        while (true)
        {
            var instance = await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation).ConfigureAwait(false);
            if (instance is not null && instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending)
            {
                return instance;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellation).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var state = await _client.WaitForOrchestrationAsync(instanceId, executionId: null, Timeout.InfiniteTimeSpan, cancellation).ConfigureAwait(false);
        return state is null
            ? throw new InvalidOperationException($"The orchestration '{instanceId}' does not exist.")
            : await ToMetadataAsync(state, getInputsAndOutputs).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var purge = _client as IOrchestrationServicePurgeClient
            ?? throw new NotSupportedException($"{_client.GetType().Name} cannot purge instances.");
        var result = await purge.PurgeInstanceStateAsync(instanceId).ConfigureAwait(false);
        return new PurgeResult(result.DeletedInstanceCount);
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private Task SendAsync(string instanceId, HistoryEvent historyEvent, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        return _client.SendTaskOrchestrationMessageAsync(new TaskMessage { OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId }, Event = historyEvent });
    }

    /// <summary>
    /// A failed instance's failure details. The in-memory service keeps them on the instance; the Azure Storage
    /// provider keeps only "type: message" of the outermost failure there, so the structured details (with the
    /// activity's error as inner failure) are read from the execution's completion event in its history.
    /// </summary>
    private async Task<OrchestrationMetadata> ToMetadataAsync(OrchestrationState state, bool withInputsAndOutputs)
    {
        if (state.OrchestrationStatus != Dtfx.OrchestrationStatus.Failed || state.FailureDetails is not null)
        {
            return ToMetadata(state, withInputsAndOutputs);
        }

        var history = await _client.GetOrchestrationHistoryAsync(state.OrchestrationInstance.InstanceId, state.OrchestrationInstance.ExecutionId).ConfigureAwait(false);
        return ToMetadata(state, withInputsAndOutputs, FailureInHistory(history) ?? FailureInOutput(state.Output));
    }

    private static TaskFailureDetails? FailureInHistory(string? historyJson)
    {
        if (string.IsNullOrEmpty(historyJson))
        {
            return null;
        }

        using var history = JsonDocument.Parse(historyJson);
        return history.RootElement.ValueKind != JsonValueKind.Array
            ? null
            : history.RootElement.EnumerateArray()
                .Where(e => e.TryGetProperty(nameof(HistoryEvent.EventType), out var type) && (type.ValueKind == JsonValueKind.Number ? type.GetInt32() == (int)EventType.ExecutionCompleted : type.GetString() == nameof(EventType.ExecutionCompleted)))
                .Select(e => e.TryGetProperty(nameof(ExecutionCompletedEvent.FailureDetails), out var details) ? FromJson(details) : null)
                .LastOrDefault(d => d is not null);
    }

    private static TaskFailureDetails? FromJson(JsonElement details) => details.ValueKind != JsonValueKind.Object
        ? null
        : new TaskFailureDetails(
            Text(details, nameof(Dtfx.FailureDetails.ErrorType)) ?? string.Empty,
            Text(details, nameof(Dtfx.FailureDetails.ErrorMessage)) ?? string.Empty,
            Text(details, nameof(Dtfx.FailureDetails.StackTrace)),
            details.TryGetProperty(nameof(Dtfx.FailureDetails.InnerFailure), out var inner) ? FromJson(inner) : null,
            null);

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>The provider's "type: message" output, when there is no history to read.</summary>
    private static TaskFailureDetails? FailureInOutput(string? output)
    {
        var colon = output?.IndexOf(": ", StringComparison.Ordinal) ?? -1;
        return output is null ? null : new TaskFailureDetails(colon > 0 ? output[..colon] : string.Empty, colon > 0 ? output[(colon + 2)..] : output, null, null, null);
    }

    private OrchestrationMetadata ToMetadata(OrchestrationState state, bool withInputsAndOutputs, TaskFailureDetails? failure = null) => new(state.Name, state.OrchestrationInstance.InstanceId)
    {
        DataConverter = _converter,
        RuntimeStatus = FromCore(state.OrchestrationStatus),
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.CreatedTime, DateTimeKind.Utc)),
        LastUpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(state.LastUpdatedTime, DateTimeKind.Utc)),
        SerializedInput = withInputsAndOutputs ? state.Input : null,
        SerializedOutput = withInputsAndOutputs && state.OrchestrationStatus != Dtfx.OrchestrationStatus.Failed ? state.Output : null,
        SerializedCustomStatus = state.Status,
        FailureDetails = failure ?? FromCore(state.FailureDetails),
    };

    private static TaskFailureDetails? FromCore(Dtfx.FailureDetails? details) => details is null
        ? null
        : new TaskFailureDetails(details.ErrorType, details.ErrorMessage, details.StackTrace, FromCore(details.InnerFailure), null);

    // The two enums name the same states with the same values' names.
    private static OrchestrationRuntimeStatus FromCore(Dtfx.OrchestrationStatus status) => Enum.Parse<OrchestrationRuntimeStatus>(status.ToString());

    private static Dtfx.OrchestrationStatus ToCore(OrchestrationRuntimeStatus status) => Enum.Parse<Dtfx.OrchestrationStatus>(status.ToString());
}
