using System.Text;
using Basis.Data.Results;
using Basis.Data.Stores;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Sweeps;
using Basis.Orchestrations.Tests.Support;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Basis.Orchestrations.Tests.Sweeps;

/// <summary>
/// The Sweep orchestration with real runs on the embedded engine: each grid point is a Backtest sub-orchestration,
/// the ranking matches each run's own summary, a failed run is listed with its error while the others rank, and a
/// grid larger than a batch continues as new until every run is done.
/// </summary>
public sealed class SweepOrchestrationTests : IAsyncLifetime
{
    private static readonly BacktestRequest January = new("eth_basis", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc));
    private readonly MemoryResultStore _results = new();
    private Pipeline? _pipeline;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Pipeline Engine => _pipeline!;

    public async ValueTask InitializeAsync() => _pipeline = await Pipeline.StartAsync(_results);

    public async ValueTask DisposeAsync()
    {
        if (_pipeline is not null)
        {
            await _pipeline.DisposeAsync();
        }
    }

    [Fact]
    public async Task Runs_are_sub_orchestrations_ranked_by_the_figure_each_run_reports()
    {
        var sweep = new SweepRequest(January, Grid: new Dictionary<string, IReadOnlyList<string>> { ["margin_fraction"] = ["0.2", "0.3", "0.25"] }, RankBy: "sharpe");

        var outcome = await RunAsync("sw-1", sweep);

        Assert.Equal(3, outcome.Ranking.Count);
        Assert.Empty(outcome.Failures);
        Assert.Equal([1, 2, 3], outcome.Ranking.Select(r => r.Rank));
        var sharpes = new List<double>();
        foreach (var rank in outcome.Ranking)
        {
            // Each run is its own Backtest instance, and the ranked figure is the one in its summary.json.
            var run = await Engine.Client.GetInstanceAsync(rank.RunId, Token);
            Assert.Equal((BacktestOrchestrator.Name, OrchestrationRuntimeStatus.Completed), (run!.Name, run.RuntimeStatus));
            var summary = BacktestOutcome.FiguresOf(Encoding.UTF8.GetString((await _results.GetArtefactAsync(rank.RunId, ResultFiles.Summary, Token))!));
            Assert.Equal(summary["sharpe"], rank.Value);
            Assert.Null(await _results.GetArtefactAsync(rank.RunId, ResultFiles.Report, Token)); // a sweep's runs keep their summary only
            sharpes.Add(rank.Value!.Value);
        }

        Assert.Equal(sharpes.OrderDescending(), sharpes);
        Assert.NotNull(await _results.GetArtefactAsync("sw-1", SweepOrchestrator.RankingArtefact, Token));
    }

    [Fact]
    public async Task A_run_that_fails_is_listed_with_its_error_and_the_others_still_rank()
    {
        // A negative margin fraction is refused when the run is prepared: the application layer refuses such a sweep up
        // front, so the orchestration is started directly here to see a run fail inside it.
        var sweep = new SweepRequest(January, Grid: new Dictionary<string, IReadOnlyList<string>> { ["margin_fraction"] = ["0.2", "-1", "0.3"] }, RankBy: "apy", Ascending: true);

        var outcome = await RunAsync("sw-2", sweep);

        Assert.Equal(["sw-2-00000", "sw-2-00002"], outcome.Ranking.Select(r => r.RunId).Order());
        Assert.True(outcome.Ranking[0].Value <= outcome.Ranking[1].Value);
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal(("sw-2-00001", "-1"), (failure.RunId, failure.Parameters["margin_fraction"]));
        Assert.Contains("margin_fraction", failure.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_grid_larger_than_a_batch_continues_as_new_until_every_run_is_done()
    {
        var week = January with { EndUtc = January.StartUtc.AddDays(7) };
        var values = Enumerable.Range(0, 61).Select(i => (0.2 + (i * 0.001)).ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var sweep = new SweepRequest(week, Grid: new Dictionary<string, IReadOnlyList<string>> { ["margin_fraction"] = values, ["max_delta_drift"] = ["0.01", "0.02"] });
        Assert.True(values.Count * 2 > SweepOrchestrator.BatchSize);

        var outcome = await RunAsync("sw-3", sweep);

        Assert.Equal(122, outcome.Ranking.Count);
        Assert.Empty(outcome.Failures);
        Assert.Equal(Enumerable.Range(0, 122).Select(i => SweepGrid.RunId("sw-3", i)), outcome.Ranking.Select(r => r.RunId).Order());
    }

    private async Task<SweepOutcome> RunAsync(string id, SweepRequest sweep)
    {
        await Engine.Client.ScheduleNewOrchestrationInstanceAsync(SweepOrchestrator.Name, new SweepInput(sweep), new StartOrchestrationOptions(id), Token);
        var finished = await Engine.WaitAsync(id);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        Assert.Equal("completed", finished.ReadCustomStatusAs<SweepStatus>()!.Phase);
        return finished.ReadOutputAs<SweepOutcome>()!;
    }
}
