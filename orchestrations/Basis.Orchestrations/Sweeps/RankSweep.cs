using System.Text;
using System.Text.Json;
using Basis.Data.Results;
using Basis.Orchestrations.Backtests;
using Microsoft.DurableTask;

namespace Basis.Orchestrations.Sweeps;

/// <summary>
/// Ranks a sweep's completed runs by the chosen figure, reading each one's <c>summary.json</c> from the result store;
/// runs without the figure (null, e.g. the health factor of a book without debt) go last, ties keep grid order.
/// Keeps the ranking as the sweep's <c>sweep.json</c>.
/// </summary>
public sealed class RankSweep(BacktestWorkspace workspace) : TaskActivity<SweepResults, SweepOutcome>
{
    /// <inheritdoc />
    public override async Task<SweepOutcome> RunAsync(TaskActivityContext context, SweepResults input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var sweep = input.Sweep;
        var cases = SweepGrid.Expand(context.InstanceId, sweep);
        var completed = new List<(SweepCase Case, int Index, IReadOnlyDictionary<string, double?> Metrics)>();
        for (var index = 0; index < cases.Count; index++)
        {
            if (input.Failures.ContainsKey(cases[index].RunId))
            {
                continue;
            }

            var summary = await workspace.Results.GetArtefactAsync(cases[index].RunId, ResultFiles.Summary).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Run {cases[index].RunId} of sweep {context.InstanceId} completed but {workspace.Results.Description} has no {ResultFiles.Summary} for it.");
            completed.Add((cases[index], index, BacktestOutcome.FiguresOf(Encoding.UTF8.GetString(summary))));
        }

        var ranking = completed
            .Select(x => (x.Case, x.Index, x.Metrics, Value: x.Metrics.TryGetValue(sweep.RankBy, out var v) ? v : null))
            .OrderBy(x => x.Value is null)
            .ThenBy(x => x.Value is { } v ? (sweep.Ascending ? v : -v) : 0)
            .ThenBy(x => x.Index)
            .Select((x, rank) => new SweepRank(rank + 1, x.Case.RunId, x.Case.Parameters, x.Value, x.Metrics))
            .ToList();
        var failures = cases
            .Where(c => input.Failures.ContainsKey(c.RunId))
            .Select(c => new SweepFailure(c.RunId, c.Parameters, input.Failures[c.RunId]))
            .ToList();
        var outcome = new SweepOutcome(context.InstanceId, sweep.RankBy, sweep.Ascending, ranking, failures);
        await workspace.Results.PutArtefactAsync(context.InstanceId, SweepOrchestrator.RankingArtefact, JsonSerializer.SerializeToUtf8Bytes(outcome, DurableConventions.PayloadJson)).ConfigureAwait(false);
        return outcome;
    }
}
