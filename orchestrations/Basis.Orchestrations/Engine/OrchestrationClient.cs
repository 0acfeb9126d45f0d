using Basis.Orchestrations.Abstractions;

namespace Basis.Orchestrations.Engine;

/// <summary>
/// <see cref="IOrchestrationClient"/> over Orleans: every call goes to the instance's grain, and is made again when
/// Orleans rejects it because that grain's silo is shutting down (<see cref="SiloHandover"/>).
/// </summary>
public sealed class OrchestrationClient(IGrainFactory grains) : IOrchestrationClient
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(500);

    public async Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        string id = instanceId ?? Guid.NewGuid().ToString("N");
        string? serialized = JsonData.Serialize(input);
        await SiloHandover.Retry.ExecuteAsync(async ct => await Grain(id).Start(orchestratorName, serialized).WaitAsync(ct), cancellationToken);
        return id;
    }

    public async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        await SiloHandover.Retry.ExecuteAsync(async ct => await Grain(instanceId).GetMetadata().WaitAsync(ct), cancellationToken);

    public async Task RaiseEventAsync(string instanceId, string eventName, object? eventData = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        string? serialized = JsonData.Serialize(eventData);
        await SiloHandover.Retry.ExecuteAsync(async ct => await Grain(instanceId).DeliverEvent(eventName, serialized).WaitAsync(ct), cancellationToken);
    }

    public async Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default)
    {
        string? serialized = JsonData.Serialize(output);
        await SiloHandover.Retry.ExecuteAsync(async ct => await Grain(instanceId).Terminate(serialized).WaitAsync(ct), cancellationToken);
    }

    /// <summary>Polls the instance, backing off from 20 ms to 500 ms between looks.</summary>
    public async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        TimeSpan wait = FirstPoll;
        while (true)
        {
            OrchestrationMetadata? metadata = await GetInstanceAsync(instanceId, cancellationToken);
            if (metadata is { IsCompleted: true })
            {
                return metadata;
            }

            await Task.Delay(wait, cancellationToken);
            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, MaxPoll.Ticks));
        }
    }

    private IOrchestrationGrain Grain(string instanceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        return grains.GetGrain<IOrchestrationGrain>(instanceId);
    }
}
