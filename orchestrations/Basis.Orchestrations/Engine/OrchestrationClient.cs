using Basis.Orchestrations.Abstractions;

namespace Basis.Orchestrations.Engine;

/// <summary><see cref="IOrchestrationClient"/> over Orleans: every call goes to the instance's grain.</summary>
public sealed class OrchestrationClient(IGrainFactory grains) : IOrchestrationClient
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromMilliseconds(500);

    public async Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null, string? instanceId = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName);
        string id = instanceId ?? Guid.NewGuid().ToString("N");
        await Grain(id).Start(orchestratorName, JsonData.Serialize(input)).WaitAsync(cancellationToken);
        return id;
    }

    public Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default) =>
        Grain(instanceId).GetMetadata().WaitAsync(cancellationToken);

    public Task RaiseEventAsync(string instanceId, string eventName, object? eventData = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        return Grain(instanceId).DeliverEvent(eventName, JsonData.Serialize(eventData)).WaitAsync(cancellationToken);
    }

    public Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) =>
        Grain(instanceId).Terminate(JsonData.Serialize(output)).WaitAsync(cancellationToken);

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
