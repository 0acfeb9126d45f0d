using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.History;

namespace Basis.Orchestrations.Engine;

/// <summary>One orchestration instance, keyed by its instance id.</summary>
public interface IOrchestrationGrain : IGrainWithStringKey
{
    Task Start(string orchestratorName, string? input);

    Task<OrchestrationMetadata?> GetMetadata();

    /// <summary>The current execution's history, for diagnostics and tests.</summary>
    Task<IReadOnlyList<HistoryEvent>> GetHistory();

    Task DeliverEvent(string eventName, string? data);

    Task Terminate(string? reason);

    Task ActivityCompleted(int generation, int taskId, string? result);

    Task ActivityFailed(int generation, int taskId, FailureDetails failure);
}
