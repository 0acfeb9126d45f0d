using Basis.Orchestrations.Abstractions;

namespace Basis.Orchestrations.Backtests;

/// <summary>
/// The <c>Backtest</c> orchestration (DESIGN §2): plan the blobs the run needs → load and check each blob in
/// parallel (cached per blob) → simulate month by month, passing the engine state from one segment to the next,
/// so a crash resumes at the last finished month and the month shows in the custom status → keep the results.
/// A failure is recorded on the run before the orchestration fails with it.
/// </summary>
public static class BacktestOrchestrator
{
    public const string Name = "Backtest";

    /// <summary>
    /// For activities that are I/O (reading blobs, writing results, starting or notifying instances): worth retrying.
    /// Simulating is not. The Sweep orchestration uses it too.
    /// </summary>
    internal static readonly RetryPolicy IoRetry = new(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2);

    /// <summary>Registers the orchestrator and its activities.</summary>
    public static OrchestrationRegistry AddBacktests(this OrchestrationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry.AddOrchestrator(Name, RunAsync).AddBacktestActivities();
    }

    private static async Task<BacktestOutcome> RunAsync(OrchestrationContext context)
    {
        var request = context.GetInput<BacktestRequest>() ?? throw new InvalidOperationException("The Backtest orchestration needs a BacktestRequest input.");
        try
        {
            var plan = await context.CallActivityAsync<BacktestPlan>(BacktestActivities.Plan, request);
            context.SetCustomStatus(BacktestStatus.Loading(plan));
            await Task.WhenAll(plan.Blobs.Select(blob => context.CallActivityAsync<BlobReport>(BacktestActivities.LoadBlob, blob, IoRetry)));

            byte[]? checkpoint = null;
            var engineMs = 0.0;
            for (var i = 0; i < plan.Segments.Count; i++)
            {
                context.SetCustomStatus(BacktestStatus.Simulating(plan, i));
                var done = await context.CallActivityAsync<SegmentDone>(BacktestActivities.Simulate, new SegmentInput(request, i, plan.Segments[i], checkpoint));
                checkpoint = done.Checkpoint;
                engineMs += done.ElapsedMs;
            }

            context.SetCustomStatus(BacktestStatus.Persisting(plan));
            var outcome = await context.CallActivityAsync<BacktestOutcome>(BacktestActivities.Persist, new PersistInput(request, plan.Segments.Count, checkpoint!, engineMs), IoRetry);
            context.SetCustomStatus(BacktestStatus.Completed(plan));
            if (request.ParentInstanceId is { } parent)
            {
                await context.CallActivityAsync<bool>(BacktestActivities.NotifyParent, new ChildCompleted(parent, context.InstanceId, null), IoRetry);
            }

            return outcome;
        }
        catch (TaskFailedException failed)
        {
            var error = failed.FailureDetails.Innermost().ErrorMessage;
            await context.CallActivityAsync<bool>(BacktestActivities.RecordFailure, new RunFailure("backtest", error), IoRetry);
            if (request.ParentInstanceId is { } parent)
            {
                await context.CallActivityAsync<bool>(BacktestActivities.NotifyParent, new ChildCompleted(parent, context.InstanceId, error), IoRetry);
            }

            throw;
        }
    }
}
