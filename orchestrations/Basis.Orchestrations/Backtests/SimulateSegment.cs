using System.Globalization;
using Basis.Core.Simulation;
using Microsoft.DurableTask;

namespace Basis.Orchestrations.Backtests;

/// <summary>
/// One year of a longer run: resumes the engine from the previous segment's checkpoint (a few hundred bytes, carried
/// in the orchestration's history), simulates to the segment's end, and leaves its rows and events in scratch storage
/// for <see cref="AssembleBacktest"/>.
/// </summary>
public sealed class SimulateSegment(BacktestWorkspace workspace) : TaskActivity<SegmentInput, SegmentDone>
{
    /// <summary>The scratch artefact holding segment <paramref name="index"/> of a run.</summary>
    public static string ArtefactOf(int index) => string.Create(CultureInfo.InvariantCulture, $"{ScratchPrefix}{index:D3}.bin");

    /// <summary>Where a run's segments wait in scratch storage.</summary>
    public const string ScratchPrefix = "segments/";

    /// <inheritdoc />
    public override async Task<SegmentDone> RunAsync(TaskActivityContext context, SegmentInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var prepared = workspace.Prepare(context.InstanceId, input.Request);
        var market = await workspace.MarketAsync(prepared).ConfigureAwait(false);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var simulation = input.Checkpoint is null
            ? BacktestSimulation.Start(prepared.Spec, prepared.Strategy, market)
            : BacktestSimulation.Resume(prepared.Spec, prepared.Strategy, market, SimulationCheckpoint.FromBytes(input.Checkpoint));
        if (simulation.NextHour != input.Range.FromHour)
        {
            throw new InvalidOperationException($"Segment {input.Index} of {context.InstanceId} starts at hour {input.Range.FromHour}, but its checkpoint continues from hour {simulation.NextHour}.");
        }

        var segment = simulation.RunUntil(input.Range.ToHour);
        var checkpoint = simulation.Checkpoint().ToBytes();
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await workspace.Scratch.PutArtefactAsync(context.InstanceId, ArtefactOf(input.Index), segment.ToBytes()).ConfigureAwait(false);
        return new SegmentDone(checkpoint, elapsed);
    }
}
