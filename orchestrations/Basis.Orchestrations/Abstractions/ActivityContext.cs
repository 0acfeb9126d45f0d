namespace Basis.Orchestrations.Abstractions;

/// <summary>What an activity knows about the call: which orchestration and which task scheduled it.</summary>
/// <param name="Name">The activity's name.</param>
/// <param name="InstanceId">The orchestration instance that scheduled it.</param>
/// <param name="TaskId">The task's sequence number in that instance.</param>
/// <param name="Services">The host's services (stores, clients), where the activity runs; null outside a host.</param>
public sealed record ActivityContext(string Name, string InstanceId, int TaskId, IServiceProvider? Services = null)
{
    /// <summary>A service the activity needs from its host; throws naming the type when the host has none.</summary>
    public T GetRequiredService<T>()
        where T : notnull =>
        Services?.GetService(typeof(T)) is T service
            ? service
            : throw new InvalidOperationException($"The activity '{Name}' needs a {typeof(T).Name} from its host, and none is registered.");
}
