using Microsoft.DurableTask;

namespace Basis.Orchestrations.Live;

/// <summary>
/// One cycle of a live instance as a durable orchestration. Every cycle of an instance runs under the same
/// orchestration id (<c>live-{instance id}</c>), which a task hub runs once at a time: two timers (or a
/// timer and an operator) can never rebalance one instance at once, nor reconcile it in the middle of a rebalance. The activity is retried on transient failures;
/// a cycle is idempotent, so a retry records nothing twice.
/// </summary>
[DurableTask(Name)]
public sealed class LiveCycleOrchestrator : TaskOrchestrator<LiveCycleInput, LiveCycleResult>
{
    /// <summary>The orchestration's name.</summary>
    public const string Name = "LiveCycle";

    /// <inheritdoc />
    public override Task<LiveCycleResult> RunAsync(TaskOrchestrationContext context, LiveCycleInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.CallActivityAsync<LiveCycleResult>(nameof(RunLiveCycle), input, TransientFailures.Retry);
    }
}
