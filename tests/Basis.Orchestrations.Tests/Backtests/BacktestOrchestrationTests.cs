using System.Text.Json.Nodes;
using Basis.Configuration.Binding;
using Basis.Core.Simulation;
using Basis.Data.Canonical;
using Basis.Data.Results;
using Basis.Data.Stores;
using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.History;
using Basis.Orchestrations.Tests.Replay;
using Microsoft.Extensions.DependencyInjection;

namespace Basis.Orchestrations.Tests.Backtests;

/// <summary>
/// The Backtest orchestration with its real activities over the bundled sample, driven without Orleans: it gives
/// the engine's own result, one segment per month, and after a crash it resumes at the month that was running.
/// </summary>
public sealed class BacktestOrchestrationTests : IDisposable
{
    private static readonly BacktestRequest Request = new("eth_basis", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc));
    private readonly string _scratchFolder = Directory.CreateTempSubdirectory("basis-scratch-").FullName;
    private readonly MemoryResultStore _results = new();

    public void Dispose() => Directory.Delete(_scratchFolder, recursive: true);

    [Fact]
    public async Task The_orchestration_gives_the_engine_s_own_result_month_by_month()
    {
        var driver = NewDriver(out _);

        var state = await driver.RunAsync(BacktestOrchestrator.Name, Request, "bt-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, state.Status);
        Assert.Equal(["2025-01", "2025-02", "2025-03"], SimulatedMonths(state));
        Assert.Equal("completed", JsonNode.Parse(state.CustomStatus!)!["phase"]!.GetValue<string>());

        var summary = await _results.GetArtefactAsync("bt-1", ResultFiles.Summary, TestContext.Current.CancellationToken);
        Assert.Equal(WithoutElapsed(await OneShotSummaryAsync("bt-1")), WithoutElapsed(summary!));
        Assert.Equal(RunStatus.Completed, (await _results.GetRunAsync("bt-1", TestContext.Current.CancellationToken))!.Status);
        foreach (var file in new[] { ResultFiles.Timeseries, ResultFiles.Events, ResultFiles.Report })
        {
            Assert.NotNull(await _results.GetArtefactAsync("bt-1", file, TestContext.Current.CancellationToken));
        }

        Assert.Null(await new FolderResultStore(_scratchFolder).GetArtefactAsync("bt-1", BacktestActivities.SegmentArtefact(0), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_crash_while_a_month_runs_resumes_at_that_month_with_the_same_result()
    {
        // The process dies while March is being simulated: January and February are in the saved history.
        var crashing = new InMemoryDriver(Registry(), services: Services(NewWorkspace()))
        {
            CrashBefore = work => work.Name == BacktestActivities.Simulate && JsonData.Deserialize<SegmentInput>(work.Input)!.Index == 2,
        };
        var saved = await crashing.RunAsync(BacktestOrchestrator.Name, Request, "bt-crash");
        Assert.True(crashing.Crashed);
        Assert.Equal(["2025-01", "2025-02"], CompletedMonths(saved));

        // Another process (new caches, new strategy objects) picks the instance up from storage.
        var resumed = await new InMemoryDriver(Registry(), services: Services(NewWorkspace())).ResumeAsync(saved);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, resumed.Status);
        Assert.Equal(["2025-01", "2025-02", "2025-03"], SimulatedMonths(resumed));
        var summary = await _results.GetArtefactAsync("bt-crash", ResultFiles.Summary, TestContext.Current.CancellationToken);
        Assert.Equal(WithoutElapsed(await OneShotSummaryAsync("bt-crash")), WithoutElapsed(summary!));
    }

    private InMemoryDriver NewDriver(out BacktestWorkspace workspace)
    {
        workspace = NewWorkspace();
        return new InMemoryDriver(Registry(), services: Services(workspace));
    }

    /// <summary>A workspace as a fresh process has it: its own caches, the shared (durable) stores.</summary>
    private BacktestWorkspace NewWorkspace() =>
        new(BasisConfiguration.Load(RepositoryPath("configs")), new LocalMarketDataSource(RepositoryPath("data")), _results, new FolderResultStore(_scratchFolder));

    private async Task<byte[]> OneShotSummaryAsync(string runId)
    {
        var workspace = NewWorkspace();
        var prepared = workspace.Prepare(runId, Request);
        var market = await workspace.MarketAsync(prepared, TestContext.Current.CancellationToken);
        var result = BacktestEngine.Run(prepared.Spec, prepared.Strategy, market);
        return ResultArtefacts.Render(result).Single(a => a.Name == ResultFiles.Summary).Content;
    }

    private static OrchestrationRegistry Registry() => new OrchestrationRegistry().AddBacktests();

    private static ServiceProvider Services(BacktestWorkspace workspace) => new ServiceCollection().AddSingleton(workspace).BuildServiceProvider();

    /// <summary>The months of every segment ever scheduled, in order (a month simulated twice would show twice).</summary>
    private static List<string> SimulatedMonths(Execution.OrchestrationInstanceState state) =>
        state.History.Where(e => e.Kind == HistoryEventKind.TaskScheduled && e.Name == BacktestActivities.Simulate)
            .Select(e => JsonData.Deserialize<SegmentInput>(e.Data)!.Range.Month)
            .ToList();

    private static List<string> CompletedMonths(Execution.OrchestrationInstanceState state)
    {
        var completed = state.History.Where(e => e.Kind == HistoryEventKind.TaskCompleted).Select(e => e.TaskId).ToHashSet();
        return state.History.Where(e => e.Kind == HistoryEventKind.TaskScheduled && e.Name == BacktestActivities.Simulate && completed.Contains(e.TaskId))
            .Select(e => JsonData.Deserialize<SegmentInput>(e.Data)!.Range.Month)
            .ToList();
    }

    private static string WithoutElapsed(byte[] summary)
    {
        var json = JsonNode.Parse(summary)!.AsObject();
        json.Remove("elapsed_ms");
        return json.ToJsonString();
    }

    internal static string RepositoryPath(string folder)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Basis.sln")))
            {
                return Path.Combine(dir.FullName, folder);
            }
        }

        throw new DirectoryNotFoundException("Basis.sln not found above the test binaries.");
    }
}
