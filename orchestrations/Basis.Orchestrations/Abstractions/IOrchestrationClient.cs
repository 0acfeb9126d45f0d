namespace Basis.Orchestrations.Abstractions;

/// <summary>Starts, queries, signals and stops orchestration instances.</summary>
public interface IOrchestrationClient
{
    /// <summary>Starts an instance of the named orchestrator; returns its id (a new GUID when none is given).</summary>
    Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null, string? instanceId = null, CancellationToken cancellationToken = default);

    /// <summary>The instance's state, or null when no instance with that id was ever started.</summary>
    Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default);

    Task RaiseEventAsync(string instanceId, string eventName, object? eventData = null, CancellationToken cancellationToken = default);

    Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default);

    /// <summary>Waits until the instance is Completed, Failed or Terminated; throws when the token is cancelled first.</summary>
    Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellationToken = default);
}
