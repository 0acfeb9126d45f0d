using Microsoft.DurableTask;

namespace Basis.Orchestrations.Live;

/// <summary>The activity behind <see cref="LiveCycleOrchestrator"/>: one cycle through the host's <see cref="LiveRuntime"/>.</summary>
public sealed class RunLiveCycle(LiveRuntime runtime) : TaskActivity<LiveCycleInput, LiveCycleResult>
{
    /// <inheritdoc />
    public override Task<LiveCycleResult> RunAsync(TaskActivityContext context, LiveCycleInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return runtime.RunCycleAsync(input.InstanceId, input.CycleUtc);
    }
}
