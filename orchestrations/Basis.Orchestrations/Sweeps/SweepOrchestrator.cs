using Basis.Orchestrations.Backtests;
using Microsoft.DurableTask;

namespace Basis.Orchestrations.Sweeps;

/// <summary>
/// The <c>Sweep</c> orchestration: expand the grid, run each point as a <c>Backtest</c> sub-orchestration (instance id
/// <c>{sweep}-{index}</c>), at most <see cref="BatchSize"/> at a time, continuing as new after each batch so the
/// history stays one batch long whatever the grid's size; then rank the completed runs by the chosen figure
/// (<see cref="RankSweep"/>). A run that fails is listed with its error; the others still count.
/// </summary>
[DurableTask(Name)]
public sealed class SweepOrchestrator : TaskOrchestrator<SweepInput, SweepOutcome?>
{
    public const string Name = "Sweep";

    /// <summary>The artefact holding a sweep's ranking.</summary>
    public const string RankingArtefact = "sweep.json";

    /// <summary>Runs in flight at once: enough to keep every worker busy, few enough to keep one history small.</summary>
    public const int BatchSize = 100;

    /// <inheritdoc />
    public override async Task<SweepOutcome?> RunAsync(TaskOrchestrationContext context, SweepInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        // Only this execution's batch is built: the orchestrator runs again for every episode of the batch.
        var runs = SweepGrid.Count(input.Sweep);
        var batch = SweepGrid.Expand(context.InstanceId, input.Sweep, input.NextRun, BatchSize);
        var failures = new Dictionary<string, string>(input.Failures ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        context.SetCustomStatus(Status("running", runs, input.NextRun, failures.Count));

        var errors = await Task.WhenAll(batch.Select(run => RunAsync(context, run)));
        foreach (var (run, error) in batch.Zip(errors))
        {
            if (error is not null)
            {
                failures[run.RunId] = error;
            }
        }

        var next = input.NextRun + batch.Count;
        if (next < runs)
        {
            context.ContinueAsNew(new SweepInput(input.Sweep, next, failures));
            return null;
        }

        context.SetCustomStatus(Status("ranking", runs, next, failures.Count));
        var outcome = await context.CallActivityAsync<SweepOutcome>(nameof(RankSweep), new SweepResults(input.Sweep, failures), TransientFailures.Retry);
        context.SetCustomStatus(Status("completed", runs, next, failures.Count));
        return outcome;
    }

    /// <summary>Runs one point of the grid; its error, or null when it completed.</summary>
    private static async Task<string?> RunAsync(TaskOrchestrationContext context, SweepCase run)
    {
        try
        {
            await context.CallSubOrchestratorAsync<BacktestOutcome>(BacktestOrchestrator.Name, run.Request, new SubOrchestrationOptions { InstanceId = run.RunId });
            return null;
        }
        catch (TaskFailedException failed)
        {
            return failed.FailureDetails.Innermost().ErrorMessage;
        }
    }

    private static SweepStatus Status(string phase, int runs, int finished, int failed) =>
        new(phase, runs, finished - failed, failed, runs == 0 ? 1 : (double)finished / runs);
}
