using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Backtests;

namespace Basis.Orchestrations.Sweeps;

/// <summary>
/// The <c>Sweep</c> orchestration: expand the grid → load and check every blob the runs need once → start each run
/// as its own <c>Backtest</c> orchestration (which reports back with an external event, so a run that outlives a
/// silo still counts) → rank the completed runs by the chosen figure and keep the ranking.
/// </summary>
public static class SweepOrchestrator
{
    public const string Name = "Sweep";
    public const string PlanActivity = "PlanSweep";
    public const string StartRunsActivity = "StartSweepRuns";
    public const string RankActivity = "RankSweep";
    public const string PollActivity = "PollSweepRuns";

    /// <summary>
    /// How often the sweep asks after runs that have not reported: a run's report is an external event, which an
    /// instance keeps in memory until its next turn, so a silo lost at that moment loses it.
    /// </summary>
    public static readonly TimeSpan PollEvery = TimeSpan.FromMinutes(1);

    /// <summary>The artefact holding a sweep's ranking.</summary>
    public const string RankingArtefact = "sweep.json";

    /// <summary>Runs started per activity: a thousand one-way starts in one call would hold a silo's turn too long.</summary>
    private const int StartBatch = 100;


    /// <summary>Registers the orchestrator and its activities.</summary>
    public static OrchestrationRegistry AddSweeps(this OrchestrationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator(Name, RunAsync)
            .AddActivity<SweepRequest, IReadOnlyList<DataBlob>>(PlanActivity, SweepActivities.PlanAsync)
            .AddActivity<SweepBatch, int>(StartRunsActivity, SweepActivities.StartRunsAsync)
            .AddActivity<SweepResults, SweepOutcome>(RankActivity, SweepActivities.RankAsync)
            .AddActivity<IReadOnlyList<string>, IReadOnlyList<ChildCompleted>>(PollActivity, SweepActivities.PollAsync);
    }

    private static async Task<SweepOutcome> RunAsync(OrchestrationContext context)
    {
        var sweep = context.GetInput<SweepRequest>() ?? throw new InvalidOperationException("The Sweep orchestration needs a SweepRequest input.");
        var cases = SweepGrid.Expand(context.InstanceId, sweep);
        try
        {
            var blobs = await context.CallActivityAsync<IReadOnlyList<DataBlob>>(PlanActivity, sweep);
            context.SetCustomStatus(new SweepStatus("loading_data", cases.Count, 0, 0, 0));
            await Task.WhenAll(blobs.Select(blob => context.CallActivityAsync<BlobReport>(BacktestActivities.LoadBlob, blob, BacktestOrchestrator.IoRetry)));
            // A batch names its runs by index, not by request: inputs are serialized again on every replay.
            var batches = Enumerable.Range(0, (cases.Count + StartBatch - 1) / StartBatch)
                .Select(b => new SweepBatch(sweep, b * StartBatch, Math.Min(StartBatch, cases.Count - (b * StartBatch))));
            await Task.WhenAll(batches.Select(batch => context.CallActivityAsync<int>(StartRunsActivity, batch, BacktestOrchestrator.IoRetry)));
        }
        catch (TaskFailedException error)
        {
            await context.CallActivityAsync<bool>(BacktestActivities.RecordFailure, new RunFailure("sweep", error.FailureDetails.Innermost().ErrorMessage), BacktestOrchestrator.IoRetry);
            throw;
        }

        var finished = new Dictionary<string, string?>(StringComparer.Ordinal);
        var failed = 0;
        Task<ChildCompleted?>? report = null;
        Task? poll = null;
        void Finish(ChildCompleted child)
        {
            // A run's report can arrive twice (activities are at-least-once), and a poll can find a run whose report
            // is on its way: the first one counts.
            if (finished.TryAdd(child.RunId, child.Error) && child.Error is not null)
            {
                failed++;
            }
        }

        while (finished.Count < cases.Count)
        {
            context.SetCustomStatus(new SweepStatus("running", cases.Count, finished.Count - failed, failed, (double)finished.Count / cases.Count));

            // One waiter is kept across polls (an abandoned one would swallow the next report), and one timer at a time.
            report ??= context.WaitForExternalEvent<ChildCompleted>(BacktestActivities.ChildCompletedEvent);
            poll ??= context.CreateTimer(context.CurrentUtcDateTime + PollEvery, CancellationToken.None);
            if (await Task.WhenAny(report, poll) == report)
            {
                if (await report is { } child)
                {
                    Finish(child);
                }

                report = null;
                continue;
            }

            poll = null;
            var silent = cases.Select(c => c.RunId).Where(id => !finished.ContainsKey(id)).ToList();
            foreach (var child in await context.CallActivityAsync<IReadOnlyList<ChildCompleted>>(PollActivity, silent, BacktestOrchestrator.IoRetry))
            {
                Finish(child);
            }
        }

        context.SetCustomStatus(new SweepStatus("ranking", cases.Count, finished.Count - failed, failed, 1));
        var outcome = await context.CallActivityAsync<SweepOutcome>(RankActivity, new SweepResults(sweep, finished.Where(f => f.Value is not null).ToDictionary(f => f.Key, f => f.Value!)), BacktestOrchestrator.IoRetry);
        context.SetCustomStatus(new SweepStatus("completed", cases.Count, finished.Count - failed, failed, 1));
        return outcome;
    }
}
