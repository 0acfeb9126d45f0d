using Basis.Orchestrations.Execution;
using Orleans.Concurrency;

namespace Basis.Orchestrations.Engine;

/// <summary>Runs one activity call and reports its outcome to the orchestration grain.</summary>
public interface IActivityGrain : IGrainWithStringKey
{
    /// <summary>One-way: the orchestration grain does not wait; the outcome comes back as a call to it.</summary>
    [OneWay]
    Task Execute(ActivityWorkItem work);
}
