using System.Text;
using Basis.Data.Stores;
using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Backtests;

namespace Basis.Orchestrations.Sweeps;

/// <summary>The activities of a sweep; services come from the host, as for <see cref="BacktestActivities"/>.</summary>
internal static class SweepActivities
{
    /// <summary>Checks every run of the sweep and returns the blobs they read, each once.</summary>
    public static async Task<IReadOnlyList<DataBlob>> PlanAsync(ActivityContext context, SweepRequest? sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var workspace = context.GetRequiredService<BacktestWorkspace>();
        var blobs = new HashSet<DataBlob>();
        foreach (var run in SweepGrid.Expand(context.InstanceId, sweep))
        {
            blobs.UnionWith(workspace.Prepare(run.RunId, run.Request).Blobs());
        }

        await RunRecords.SetStatusAsync(workspace.Results, context.InstanceId, "sweep", RunStatus.Running, JsonData.Serialize(sweep)!).ConfigureAwait(false);
        return blobs.OrderBy(b => b.ToString(), StringComparer.Ordinal).ToList();
    }

    /// <summary>Starts the runs that are not started yet (a retried batch does not restart finished runs).</summary>
    public static async Task<int> StartRunsAsync(ActivityContext context, SweepBatch? batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var client = context.GetRequiredService<IOrchestrationClient>();
        var started = 0;
        foreach (var run in SweepGrid.Expand(context.InstanceId, batch.Sweep).Skip(batch.From).Take(batch.Count))
        {
            if (await client.GetInstanceAsync(run.RunId).ConfigureAwait(false) is null)
            {
                await client.ScheduleNewOrchestrationInstanceAsync(BacktestOrchestrator.Name, run.Request, run.RunId).ConfigureAwait(false);
                started++;
            }
        }

        return started;
    }

    /// <summary>The runs among <paramref name="runIds"/> that have finished, as their reports would have said.</summary>
    public static async Task<IReadOnlyList<ChildCompleted>> PollAsync(ActivityContext context, IReadOnlyList<string>? runIds)
    {
        ArgumentNullException.ThrowIfNull(runIds);
        var client = context.GetRequiredService<IOrchestrationClient>();
        var finished = new List<ChildCompleted>();
        foreach (var runId in runIds)
        {
            if (await client.GetInstanceAsync(runId).ConfigureAwait(false) is { IsCompleted: true } run)
            {
                finished.Add(new ChildCompleted(
                    context.InstanceId,
                    runId,
                    run.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? null : run.FailureDetails?.Innermost().ErrorMessage ?? $"the run ended {run.RuntimeStatus}"));
            }
        }

        return finished;
    }

    /// <summary>
    /// Ranks the completed runs by the figure, reading each one's summary from the result store; runs without the
    /// figure (null, e.g. a health factor of a book without debt) go last, and ties keep grid order. Keeps the ranking.
    /// </summary>
    public static async Task<SweepOutcome> RankAsync(ActivityContext context, SweepResults? results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var workspace = context.GetRequiredService<BacktestWorkspace>();
        var sweep = results.Sweep;
        var cases = SweepGrid.Expand(context.InstanceId, sweep);
        var completed = new List<(SweepCase Case, int Index, IReadOnlyDictionary<string, double?> Metrics)>();
        for (var index = 0; index < cases.Count; index++)
        {
            if (results.Failures.ContainsKey(cases[index].RunId))
            {
                continue;
            }

            var record = await workspace.Results.GetRunAsync(cases[index].RunId).ConfigureAwait(false);
            var summary = record?.SummaryJson ?? throw new InvalidOperationException($"Run {cases[index].RunId} of sweep {context.InstanceId} completed but {workspace.Results.Description} has no summary for it.");
            completed.Add((cases[index], index, BacktestOutcome.FiguresOf(summary)));
        }

        var ranking = completed
            .Select(x => (x.Case, x.Index, x.Metrics, Value: x.Metrics.TryGetValue(sweep.RankBy, out var v) ? v : null))
            .OrderBy(x => x.Value is null)
            .ThenBy(x => x.Value is { } v ? (sweep.Ascending ? v : -v) : 0)
            .ThenBy(x => x.Index)
            .Select((x, rank) => new SweepRank(rank + 1, x.Case.RunId, x.Case.Parameters, x.Value, x.Metrics))
            .ToList();
        var failures = cases
            .Where(c => results.Failures.ContainsKey(c.RunId))
            .Select(c => new SweepFailure(c.RunId, c.Parameters, results.Failures[c.RunId]))
            .ToList();
        var outcome = new SweepOutcome(context.InstanceId, sweep.RankBy, sweep.Ascending, ranking, failures);

        var json = JsonData.Serialize(outcome)!;
        await workspace.Results.PutArtefactAsync(context.InstanceId, SweepOrchestrator.RankingArtefact, Encoding.UTF8.GetBytes(json)).ConfigureAwait(false);
        await RunRecords.SetStatusAsync(workspace.Results, context.InstanceId, "sweep", RunStatus.Completed, summaryJson: json).ConfigureAwait(false);
        return outcome;
    }
}
