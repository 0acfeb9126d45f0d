using Basis.Core.Simulation;
using Microsoft.DurableTask;

namespace Basis.Orchestrations.Backtests;

/// <summary>
/// The last step of a run longer than a year: joins its segments into the result a one-piece run gives (tested bit
/// for bit), keeps it, and clears the scratch.
/// </summary>
public sealed class AssembleBacktest(BacktestWorkspace workspace) : TaskActivity<AssembleInput, BacktestOutcome>
{
    /// <inheritdoc />
    public override async Task<BacktestOutcome> RunAsync(TaskActivityContext context, AssembleInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var prepared = workspace.Prepare(context.InstanceId, input.Request);
        var market = await workspace.MarketAsync(prepared).ConfigureAwait(false);
        var segments = new List<SimulationSegment>(input.Segments);
        for (var i = 0; i < input.Segments; i++)
        {
            var bytes = await workspace.Scratch.GetArtefactAsync(context.InstanceId, SimulateSegment.ArtefactOf(i)).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Segment {i} of {context.InstanceId} is missing from {workspace.Scratch.Description}.");
            segments.Add(SimulationSegment.FromBytes(bytes));
        }

        var result = BacktestSimulation.Assemble(prepared.Spec, prepared.Strategy, market, SimulationCheckpoint.FromBytes(input.Checkpoint), segments, TimeSpan.FromMilliseconds(input.EngineMs));
        var outcome = await workspace.KeepAsync(context.InstanceId, input.Request.Keep, result).ConfigureAwait(false);
        await workspace.Scratch.DeleteArtefactsAsync(context.InstanceId, SimulateSegment.ScratchPrefix).ConfigureAwait(false);
        return outcome;
    }
}
