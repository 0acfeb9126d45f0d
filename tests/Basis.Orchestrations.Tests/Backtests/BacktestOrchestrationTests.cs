using Basis.Data.Results;
using Basis.Data.Stores;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Hosting;
using Basis.Orchestrations.Tests.Support;
using Basis.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Basis.Orchestrations.Tests.Backtests;

/// <summary>
/// The Backtest orchestration with its real activities on the Durable Task engine: a run of up to a year is one
/// activity, a longer one a year per segment; both give the engine's own result. A failed run carries the activity's
/// error. On Azure Storage (Azurite), a long run whose worker stops is finished by another with the same result.
/// </summary>
public sealed class BacktestOrchestrationTests(LongSample longSample) : IClassFixture<LongSample>
{
    private static readonly BacktestRequest Quarter = new("eth_basis", new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc));
    private readonly MemoryResultStore _results = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_run_of_up_to_a_year_is_one_activity_with_the_engine_s_own_result()
    {
        await using var pipeline = await Pipeline.StartAsync(_results);

        await pipeline.Client.ScheduleNewOrchestrationInstanceAsync(BacktestOrchestrator.Name, Quarter, new StartOrchestrationOptions("bt-1"), Token);
        var finished = await pipeline.WaitAsync("bt-1");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        var status = finished.ReadCustomStatusAs<BacktestStatus>()!;
        Assert.Equal(("completed", 1, 1), (status.Phase, status.Segment, status.Segments));
        Assert.Equal("bt-1", finished.ReadOutputAs<BacktestOutcome>()!.RunId);
        var summary = await _results.GetArtefactAsync("bt-1", ResultFiles.Summary, Token);
        Assert.Equal(await pipeline.OneShotSummaryAsync("bt-1", Quarter), Pipeline.WithoutElapsed(summary!));

        // The other files wait as a pack until someone asks; then all three are rendered and the pack goes.
        Assert.NotNull(await _results.GetArtefactAsync("bt-1", ResultFiles.Pack, Token));
        Assert.Null(await _results.GetArtefactAsync("bt-1", ResultFiles.Report, Token));
        var report = await pipeline.Workspace.ArtefactAsync("bt-1", ResultFiles.Report, Token);
        Assert.StartsWith("<!DOCTYPE html>", System.Text.Encoding.UTF8.GetString(report!), StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(await _results.GetArtefactAsync("bt-1", ResultFiles.Timeseries, Token));
        Assert.NotNull(await _results.GetArtefactAsync("bt-1", ResultFiles.Events, Token));
        Assert.Null(await _results.GetArtefactAsync("bt-1", ResultFiles.Pack, Token));
    }

    [Fact]
    public async Task A_run_longer_than_a_year_is_simulated_a_year_at_a_time_and_gives_the_one_shot_result()
    {
        var scratch = new MemoryResultStore();
        await using var pipeline = await Pipeline.StartAsync(_results, dataFolder: longSample.Folder, scratch: scratch);
        var request = new BacktestRequest("eth_leveraged", LongSample.Start, LongSample.End);
        Assert.Equal(2, request.Segments().Count);

        await pipeline.Client.ScheduleNewOrchestrationInstanceAsync(BacktestOrchestrator.Name, request, new StartOrchestrationOptions("bt-long"), Token);
        var finished = await pipeline.WaitAsync("bt-long");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        Assert.Equal(2, finished.ReadCustomStatusAs<BacktestStatus>()!.Segments);
        var summary = await _results.GetArtefactAsync("bt-long", ResultFiles.Summary, Token);
        Assert.Equal(await pipeline.OneShotSummaryAsync("bt-long", request), Pipeline.WithoutElapsed(summary!));
        Assert.Null(await scratch.GetArtefactAsync("bt-long", SimulateSegment.ArtefactOf(0), Token)); // cleared once assembled
    }

    [Fact]
    public async Task A_run_past_the_data_fails_with_the_activity_s_error_naming_the_series()
    {
        await using var pipeline = await Pipeline.StartAsync(_results);
        var pastTheData = Quarter with { EndUtc = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc) };

        await pipeline.Client.ScheduleNewOrchestrationInstanceAsync(BacktestOrchestrator.Name, pastTheData, new StartOrchestrationOptions("bt-gap"), Token);
        var finished = await pipeline.WaitAsync("bt-gap");

        Assert.Equal(OrchestrationRuntimeStatus.Failed, finished.RuntimeStatus);
        var failure = finished.FailureDetails!.Innermost();

        Assert.True(failure.IsCausedBy<Basis.Core.Market.MarketDataCoverageException>(), failure.ErrorType);
        Assert.Contains("perp/", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Null(await _results.GetArtefactAsync("bt-gap", ResultFiles.Summary, Token));
    }

    [Fact]
    public async Task On_azure_storage_a_long_run_whose_worker_stops_is_finished_by_another_with_the_same_result()
    {
        await using var azurite = new AzuriteServer();
        await azurite.InitializeAsync();
        var options = new DurableTaskEngineOptions { Backend = DurableTaskBackend.AzureStorage, StorageConnection = azurite.ConnectionString, TaskHub = "handover" };
        var scratch = new MemoryResultStore(); // shared by both "processes", as the result store is when they share work
        var request = new BacktestRequest("eth_basis", LongSample.Start, LongSample.End);

        var first = await Pipeline.StartAsync(_results, options, longSample.Folder, scratch);
        await first.Client.ScheduleNewOrchestrationInstanceAsync(BacktestOrchestrator.Name, request, new StartOrchestrationOptions("bt-handover"), Token);
        while ((await first.Client.GetInstanceAsync("bt-handover", Token))?.ReadCustomStatusAs<BacktestStatus>() is not { Segment: 2 })
        {
            await Task.Delay(50, Token);
        }

        await first.DisposeAsync();

        // A new worker: its own caches and strategies, the same task hub and stores.
        await using var second = await Pipeline.StartAsync(_results, options, longSample.Folder, scratch);
        var finished = await second.WaitAsync("bt-handover");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
        var summary = await _results.GetArtefactAsync("bt-handover", ResultFiles.Summary, Token);
        Assert.Equal(await second.OneShotSummaryAsync("bt-handover", request), Pipeline.WithoutElapsed(summary!));
    }
}
