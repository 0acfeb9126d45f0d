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
    public const string PersistActivity = "PersistSweep";
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

    private static readonly RetryPolicy Retry = new(maxNumberOfAttempts: 3, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2);

    /// <summary>Registers the orchestrator and its activities.</summary>
    public static OrchestrationRegistry AddSweeps(this OrchestrationRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator(Name, RunAsync)
            .AddActivity<SweepRequest, IReadOnlyList<DataBlob>>(PlanActivity, SweepActivities.PlanAsync)
            .AddActivity<IReadOnlyList<SweepCase>, int>(StartRunsActivity, SweepActivities.StartRunsAsync)
            .AddActivity<SweepOutcome, bool>(PersistActivity, SweepActivities.PersistAsync)
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
            await Task.WhenAll(blobs.Select(blob => context.CallActivityAsync<BlobReport>(BacktestActivities.LoadBlob, blob, Retry)));
            await Task.WhenAll(cases.Chunk(StartBatch).Select(batch => context.CallActivityAsync<int>(StartRunsActivity, batch, Retry)));
        }
        catch (TaskFailedException failed)
        {
            await context.CallActivityAsync<bool>(BacktestActivities.RecordFailure, new RunFailure("sweep", failed.FailureDetails.Innermost().ErrorMessage), Retry);
            throw;
        }

        var finished = new Dictionary<string, ChildCompleted>(StringComparer.Ordinal);
        Task<ChildCompleted?>? report = null;
        Task? poll = null;
        while (finished.Count < cases.Count)
        {
            context.SetCustomStatus(Status(cases.Count, finished.Values));

            // One waiter is kept across polls (an abandoned one would swallow the next report), and one timer at a time.
            report ??= context.WaitForExternalEvent<ChildCompleted>(BacktestActivities.ChildCompletedEvent);
            poll ??= context.CreateTimer(context.CurrentUtcDateTime + PollEvery, CancellationToken.None);
            if (await Task.WhenAny(report, poll) == report)
            {
                // A run's report can arrive twice (activities are at-least-once): the first one counts.
                if (await report is { } child)
                {
                    finished.TryAdd(child.RunId, child);
                }

                report = null;
                continue;
            }

            poll = null;
            var silent = cases.Select(c => c.RunId).Where(id => !finished.ContainsKey(id)).ToList();
            foreach (var child in await context.CallActivityAsync<IReadOnlyList<ChildCompleted>>(PollActivity, silent, Retry))
            {
                finished.TryAdd(child.RunId, child);
            }
        }

        var outcome = Rank(context.InstanceId, sweep, cases, finished);
        context.SetCustomStatus(Status(cases.Count, finished.Values) with { Phase = "completed" });
        await context.CallActivityAsync<bool>(PersistActivity, outcome, Retry);
        return outcome;
    }

    private static SweepStatus Status(int runs, IEnumerable<ChildCompleted> finished)
    {
        var failed = finished.Count(c => c.Error is not null);
        var completed = finished.Count() - failed;
        return new SweepStatus("running", runs, completed, failed, runs == 0 ? 1 : (double)(completed + failed) / runs);
    }

    /// <summary>
    /// Ranks completed runs by the figure; runs without it (null, e.g. a health factor of a book without debt) go
    /// last, and ties keep grid order.
    /// </summary>
    private static SweepOutcome Rank(string sweepId, SweepRequest sweep, IReadOnlyList<SweepCase> cases, Dictionary<string, ChildCompleted> finished)
    {
        var completed = cases
            .Select((c, index) => (Case: c, Index: index, Outcome: finished[c.RunId].Outcome))
            .Where(x => x.Outcome is not null)
            .Select(x => (x.Case, x.Index, x.Outcome, Value: x.Outcome!.Metrics.TryGetValue(sweep.RankBy, out var v) ? v : null))
            .OrderBy(x => x.Value is null)
            .ThenBy(x => x.Value is { } v ? (sweep.Ascending ? v : -v) : 0)
            .ThenBy(x => x.Index)
            .Select((x, rank) => new SweepRank(rank + 1, x.Case.RunId, x.Case.Parameters, x.Value, x.Outcome!.Metrics))
            .ToList();
        var failures = cases
            .Where(c => finished[c.RunId].Error is not null)
            .Select(c => new SweepFailure(c.RunId, c.Parameters, finished[c.RunId].Error!))
            .ToList();
        return new SweepOutcome(sweepId, sweep.RankBy, sweep.Ascending, completed, failures);
    }
}
