using Microsoft.DurableTask;

namespace Basis.Orchestrations.Live;

/// <summary>The activity behind <see cref="LiveCycleOrchestrator"/>: one cycle (a rebalance or a reconciliation) through the host's <see cref="LiveRuntime"/>.</summary>
public sealed class RunLiveCycle(LiveRuntime runtime) : TaskActivity<LiveCycleInput, LiveCycleResult>
{
    /// <inheritdoc />
    public override Task<LiveCycleResult> RunAsync(TaskActivityContext context, LiveCycleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Work == LiveWork.Reconcile
            ? runtime.ReconcileAsync(input.InstanceId)
            : runtime.RunCycleAsync(input.InstanceId, input.CycleUtc);
    }
}
