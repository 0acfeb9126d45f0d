using Microsoft.DurableTask;

namespace Basis.Orchestrations.Backtests;

/// <summary>
/// The <c>Backtest</c> orchestration (DESIGN §2–3). A run of up to a year is one <see cref="RunBacktest"/> activity;
/// a longer one is simulated a year per <see cref="SimulateSegment"/>, the engine state passing from one to the next
/// through history, then assembled by <see cref="AssembleBacktest"/>. The custom status says which segment runs.
/// The instance id is the run id. Run records are not its business: the application layer keeps them.
/// </summary>
[DurableTask(Name)]
public sealed class BacktestOrchestrator : TaskOrchestrator<BacktestRequest, BacktestOutcome>
{
    public const string Name = "Backtest";

    /// <inheritdoc />
    public override async Task<BacktestOutcome> RunAsync(TaskOrchestrationContext context, BacktestRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = input ?? throw new InvalidOperationException("The Backtest orchestration needs a BacktestRequest input.");
        var segments = request.Segments();
        BacktestOutcome outcome;
        if (segments.Count == 1)
        {
            context.SetCustomStatus(BacktestStatus.Simulating(segments, 0));
            outcome = await context.CallActivityAsync<BacktestOutcome>(nameof(RunBacktest), request, TransientFailures.Retry);
        }
        else
        {
            byte[]? checkpoint = null;
            var engineMs = 0.0;
            for (var i = 0; i < segments.Count; i++)
            {
                context.SetCustomStatus(BacktestStatus.Simulating(segments, i));
                var done = await context.CallActivityAsync<SegmentDone>(nameof(SimulateSegment), new SegmentInput(request, i, segments[i], checkpoint), TransientFailures.Retry);
                checkpoint = done.Checkpoint;
                engineMs += done.ElapsedMs;
            }

            context.SetCustomStatus(BacktestStatus.Assembling(segments));
            outcome = await context.CallActivityAsync<BacktestOutcome>(nameof(AssembleBacktest), new AssembleInput(request, segments.Count, checkpoint!, engineMs), TransientFailures.Retry);
        }

        context.SetCustomStatus(BacktestStatus.Completed(segments));
        return outcome;
    }
}
