using System.Collections.Concurrent;
using System.Globalization;
using Basis.Configuration.Binding;
using Basis.Data.Canonical;
using Basis.Data.Stores;
using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.History;
using Basis.Orchestrations.Sweeps;
using Basis.Orchestrations.Tests.Backtests;
using Basis.Orchestrations.Tests.Replay;
using Microsoft.Extensions.DependencyInjection;

namespace Basis.Orchestrations.Tests.Sweeps;

/// <summary>
/// The Sweep orchestration driven without Orleans, its runs played by a stand-in client: it ranks what the runs
/// report, counts a run once however often it reports, and finds runs whose report was lost by asking after them.
/// </summary>
public sealed class SweepOrchestrationTests
{
    private static readonly SweepRequest Sweep = new(
        new BacktestRequest("eth_basis", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc)),
        Grid: new Dictionary<string, IReadOnlyList<string>> { ["margin_fraction"] = ["0.2", "0.3", "0.25"] },
        RankBy: "sharpe");

    private readonly MemoryResultStore _results;
    private readonly StandInRuns _runs;

    public SweepOrchestrationTests()
    {
        _results = new MemoryResultStore();
        _runs = new StandInRuns(_results);
    }

    [Fact]
    public async Task Runs_whose_reports_were_lost_are_found_by_asking_and_ranked()
    {
        var driver = new InMemoryDriver(Registry(), services: Services());

        var state = await driver.RunAsync(SweepOrchestrator.Name, Sweep, "sw-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.Status);
        var outcome = JsonData.Deserialize<SweepOutcome>(state.Output)!;

        // sharpe = 10 × margin_fraction in the stand-in: 0.3 first, then 0.25, then 0.2.
        Assert.Equal(["sw-1-00001", "sw-1-00002", "sw-1-00000"], outcome.Ranking.Select(r => r.RunId));
        Assert.Equal([1, 2, 3], outcome.Ranking.Select(r => r.Rank));
        Assert.Equal(3.0, outcome.Ranking[0].Value!.Value, 12);
        Assert.Null(outcome.Ranking[0].Metrics["min_health_factor"]);
        Assert.Empty(outcome.Failures);
        Assert.Equal(1, state.History.Count(e => e.Kind == HistoryEventKind.TaskScheduled && e.Name == SweepOrchestrator.PollActivity));
        Assert.Equal(RunStatus.Completed, (await _results.GetRunAsync("sw-1", TestContext.Current.CancellationToken))!.Status);
        Assert.Equal(["margin_fraction=0.2"], _runs.Started["sw-1-00000"].Overrides);
        Assert.NotNull(await _results.GetArtefactAsync("sw-1", SweepOrchestrator.RankingArtefact, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Reports_count_once_and_a_failed_run_is_listed_with_its_error()
    {
        _runs.Fail("sw-2-00002", "the data does not cover the period");
        var driver = new InMemoryDriver(Registry(), services: Services());
        driver.ExternalEvents.Enqueue((BacktestActivities.ChildCompletedEvent, _runs.Report("sw-2", "sw-2-00000")));
        driver.ExternalEvents.Enqueue((BacktestActivities.ChildCompletedEvent, _runs.Report("sw-2", "sw-2-00000")));
        driver.ExternalEvents.Enqueue((BacktestActivities.ChildCompletedEvent, _runs.Report("sw-2", "sw-2-00002")));

        var state = await driver.RunAsync(SweepOrchestrator.Name, Sweep, "sw-2");

        var outcome = JsonData.Deserialize<SweepOutcome>(state.Output)!;
        Assert.Equal(["sw-2-00001", "sw-2-00000"], outcome.Ranking.Select(r => r.RunId));
        var failure = Assert.Single(outcome.Failures);
        Assert.Equal("sw-2-00002", failure.RunId);
        Assert.Equal("the data does not cover the period", failure.Error);
        Assert.Equal("0.25", failure.Parameters["margin_fraction"]);
    }

    private static OrchestrationRegistry Registry() => new OrchestrationRegistry().AddBacktests().AddSweeps();

    private ServiceProvider Services() => new ServiceCollection()
        .AddSingleton(new BacktestWorkspace(BasisConfiguration.Load(BacktestOrchestrationTests.RepositoryPath("configs")), new LocalMarketDataSource(BacktestOrchestrationTests.RepositoryPath("data")), _results, new MemoryResultStore()))
        .AddSingleton<IOrchestrationClient>(_runs)
        .BuildServiceProvider();

    /// <summary>
    /// Plays the sweep's runs: a started run has finished at once and recorded its summary, with sharpe = 10 × its
    /// margin fraction, unless told to fail. It never raises the reports itself; tests deliver some, or none.
    /// </summary>
    private sealed class StandInRuns(IResultStore results) : IOrchestrationClient
    {
        private readonly ConcurrentDictionary<string, BacktestRequest> _started = new(StringComparer.Ordinal);

        public IReadOnlyDictionary<string, BacktestRequest> Started => _started;
        private readonly Dictionary<string, string> _failures = new(StringComparer.Ordinal);

        public void Fail(string runId, string error) => _failures[runId] = error;

        public ChildCompleted Report(string sweepId, string runId) => new(sweepId, runId, _failures.GetValueOrDefault(runId));

        public async Task<string> ScheduleNewOrchestrationInstanceAsync(string orchestratorName, object? input = null, string? instanceId = null, CancellationToken cancellationToken = default)
        {
            _started[instanceId!] = (BacktestRequest)input!;
            if (!_failures.ContainsKey(instanceId!))
            {
                var summary = string.Create(CultureInfo.InvariantCulture, $$"""{"run_id": "{{instanceId}}", "sharpe": {{Sharpe(instanceId!)}}, "min_health_factor": null}""");
                await results.SaveRunAsync(new RunRecord(instanceId!, "backtest", RunStatus.Completed, "{}", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, summary), cancellationToken);
            }

            return instanceId!;
        }

        public Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
        {
            if (!_started.ContainsKey(instanceId))
            {
                return Task.FromResult<OrchestrationMetadata?>(null);
            }

            var failed = _failures.TryGetValue(instanceId, out var error);
            return Task.FromResult<OrchestrationMetadata?>(new OrchestrationMetadata(
                instanceId,
                BacktestOrchestrator.Name,
                failed ? OrchestrationRuntimeStatus.Failed : OrchestrationRuntimeStatus.Completed,
                DateTime.UnixEpoch,
                DateTime.UnixEpoch,
                null,
                null,
                null,
                failed ? new FailureDetails("Basis.Core.Market.MarketDataCoverageException", error!) : null));
        }

        public Task RaiseEventAsync(string instanceId, string eventName, object? eventData = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        /// <summary>Run n of the sweep is the grid's n-th margin fraction (the grid has one setting).</summary>
        private static double Sharpe(string runId)
        {
            var index = int.Parse(runId[(runId.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
            return 10 * double.Parse(Sweep.Grid!["margin_fraction"][index], CultureInfo.InvariantCulture);
        }
    }
}
