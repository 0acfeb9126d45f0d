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
    public static async Task<int> StartRunsAsync(ActivityContext context, IReadOnlyList<SweepCase>? cases)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var client = context.GetRequiredService<IOrchestrationClient>();
        var started = 0;
        foreach (var run in cases)
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
                finished.Add(run.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                    ? new ChildCompleted(context.InstanceId, runId, run.ReadOutputAs<BacktestOutcome>(), null)
                    : new ChildCompleted(context.InstanceId, runId, null, run.FailureDetails?.Innermost().ErrorMessage ?? $"the run ended {run.RuntimeStatus}"));
            }
        }

        return finished;
    }

    public static async Task<bool> PersistAsync(ActivityContext context, SweepOutcome? outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var workspace = context.GetRequiredService<BacktestWorkspace>();
        var json = JsonData.Serialize(outcome)!;
        await workspace.Results.PutArtefactAsync(context.InstanceId, SweepOrchestrator.RankingArtefact, Encoding.UTF8.GetBytes(json)).ConfigureAwait(false);
        var existing = await workspace.Results.GetRunAsync(context.InstanceId).ConfigureAwait(false);
        await RunRecords.SetStatusAsync(workspace.Results, context.InstanceId, "sweep", RunStatus.Completed, existing?.RequestJson ?? "{}", json).ConfigureAwait(false);
        return true;
    }
}
