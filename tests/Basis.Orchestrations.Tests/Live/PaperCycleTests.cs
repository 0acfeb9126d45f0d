using System.Text.Json;
using Basis.Configuration.Binding;
using Basis.Core.Events;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Trading;
using Basis.Data.Canonical;
using Basis.Data.Stores;
using Basis.Live.Ledger;
using Basis.Live.Safety;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Live;
using Basis.Orchestrations.Tests.Support;
using Basis.Testing;
using Npgsql;

namespace Basis.Orchestrations.Tests.Live;

/// <summary>
/// A paper instance over the bundled sample, cycle by cycle against a real PostgreSQL ledger: the same strategy,
/// engine and cost model as a backtest over the same hours.
/// </summary>
public sealed class PaperCycleTests(PostgresServer server) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 20, 0, TimeSpan.Zero);
    private static readonly SafetyLimits NoLimit = new(ReadOnly: false, MaxTradeSizeUsd: 1e12);
    private const double NoStopLoss = 100;
    private NpgsqlDataSource? _dataSource;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());

    public async ValueTask DisposeAsync()
    {
        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }

    [Fact]
    public async Task Hourly_cycles_and_a_catch_up_after_downtime_record_what_the_backtest_of_the_same_hours_computes()
    {
        var (cycle, ledger, workspace) = await OpenAsync();
        var instance = await CreateAsync(ledger, "paper-eth-basis");

        // Two days of hourly cycles at minute 5, then a day of downtime caught up by one cycle, then hourly again.
        var times = Enumerable.Range(0, 48).Select(h => Created.AddMinutes(-15).AddHours(h))
            .Append(Created.AddMinutes(-15).AddHours(72))
            .Concat(Enumerable.Range(73, 48).Select(h => Created.AddMinutes(-15).AddHours(h)));
        var outcomes = new List<PaperCycleOutcome>();
        foreach (var time in times)
        {
            outcomes.Add(await cycle.RunAsync(instance, NoLimit, NoStopLoss, time, cancellationToken: Cancel));
        }

        Assert.All(outcomes.Where(o => o.NextHourUtc <= new DateTime(2025, 1, 3, 0, 0, 0, DateTimeKind.Utc)), o => Assert.Equal(1, o.Hours));
        Assert.Equal(25, outcomes[48].Hours);
        var end = outcomes[^1].NextHourUtc;
        Assert.Equal(new DateTime(2025, 1, 6, 1, 0, 0, DateTimeKind.Utc), end);

        var backtest = Backtest(workspace, end);
        var equity = await ledger.ListEquityAsync(instance.Id, Created.AddHours(-1), end, Cancel);
        var column = backtest.Timeseries.Column("equity");
        Assert.Equal(column.Length, equity.Count);
        for (var h = 0; h < column.Length; h++)
        {
            Assert.Equal(column[h], (double)equity[h].Equity, 6);
        }

        var activity = await ReadAllActivityAsync(ledger, instance.Id);
        Assert.Equal(backtest.Events.Count, activity.Count(a => a.Kind != "gate"));
        Assert.Equal(backtest.Events.OfType<TradeEvent>().Count(), activity.Count(a => a.Kind == "trade"));
        Assert.All(activity.Where(a => a.Kind == "gate"), a => Assert.Equal("passed", Field(a, "verdict")));
        var entry = await ledger.ListDecisionsAsync(instance.Id, Created.AddMinutes(-20), Cancel);
        Assert.Equal(StrategyActions.EntryFull, Assert.Single(entry).Action);
    }

    [Fact]
    public async Task A_cycle_run_again_or_cut_short_before_its_checkpoint_records_nothing_twice()
    {
        var (cycle, ledger, _) = await OpenAsync();
        var instance = await CreateAsync(ledger, "paper-replayed");
        await cycle.RunAsync(instance, NoLimit, NoStopLoss, Created.AddHours(2), cancellationToken: Cancel);
        var checkpoint = await ledger.GetCheckpointAsync(instance.Id, Cancel);
        await cycle.RunAsync(instance, NoLimit, NoStopLoss, Created.AddHours(5), cancellationToken: Cancel);
        var before = await ReadAllActivityAsync(ledger, instance.Id);

        // The same cycle again does nothing; a crash after the hours were written but before the checkpoint moved
        // is the old checkpoint with the hours already in the ledger: running the cycle again adds nothing.
        Assert.Equal(0, (await cycle.RunAsync(instance, NoLimit, NoStopLoss, Created.AddHours(5), cancellationToken: Cancel)).Hours);
        await ledger.SaveCheckpointAsync(checkpoint!, Cancel);
        var rerun = await cycle.RunAsync(instance, NoLimit, NoStopLoss, Created.AddHours(5), cancellationToken: Cancel);

        Assert.Equal(3, rerun.Hours);
        Assert.Equal(before, await ReadAllActivityAsync(ledger, instance.Id));
        Assert.Equal(6, (await ledger.ListEquityAsync(instance.Id, Created.AddHours(-1), Created.AddHours(6), Cancel)).Count);
    }

    [Fact]
    public async Task Entry_trades_above_the_maximum_trade_size_go_in_parts_and_the_verdicts_are_recorded()
    {
        var (cycle, ledger, _) = await OpenAsync();
        var instance = await CreateAsync(ledger, "paper-capped");

        var outcome = await cycle.RunAsync(instance, new SafetyLimits(ReadOnly: false, MaxTradeSizeUsd: 30_000), NoStopLoss, Created, cancellationToken: Cancel);

        // 100,000 USDT of eth_basis buys 80,000 USDT of spot: ⌈80,000 / 30,000⌉ = 3 spot orders instead of one.
        Assert.True(outcome.GateInterventions >= 1);
        var activity = await ReadAllActivityAsync(ledger, instance.Id);
        var spot = activity.Single(a => a.Kind == "gate" && Field(a, "intent") == "SpotOrder");
        Assert.Equal(("split", "3"), (Field(spot, "verdict"), Field(spot, "parts")));
        Assert.Equal(3, activity.Count(a => a.Kind == "trade" && Field(a, "instrument") == "bybit:BaseToken:ETH"));
    }

    private async Task<(PaperCycle Cycle, PostgresLiveLedger Ledger, BacktestWorkspace Workspace)> OpenAsync()
    {
        var ledger = await PostgresLiveLedger.OpenAsync(_dataSource!, Cancel);
        var workspace = new BacktestWorkspace(BasisConfiguration.Load(Repository.Path("configs")), new LocalMarketDataSource(Repository.Path("data")), new MemoryResultStore(), new MemoryResultStore());
        return (new PaperCycle(workspace, ledger, TimeProvider.System), ledger, workspace);
    }

    private static async Task<LiveInstance> CreateAsync(PostgresLiveLedger ledger, string id)
    {
        var instance = new LiveInstance(id, id, "eth_basis", "usdt", 100_000m, ["binance", "bybit", "okx"], "{}", ExecutionKind.Paper, LiveInstanceStatus.Active, Created, Created);
        await ledger.SaveInstanceAsync(instance, Cancel);
        return instance;
    }

    private static Core.Results.BacktestResult Backtest(BacktestWorkspace workspace, DateTime end)
    {
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var prepared = workspace.Prepare("backtest", new BacktestRequest("eth_basis", start, end, 100_000));
        var market = workspace.MarketAsync(prepared, Cancel).GetAwaiter().GetResult();
        return BacktestEngine.Run(prepared.Spec, prepared.Strategy, market);
    }

    private static string? Field(LedgerActivity activity, string name)
    {
        using var body = JsonDocument.Parse(activity.BodyJson);
        return body.RootElement.TryGetProperty(name, out var value) ? value.ToString() : null;
    }

    private static async Task<List<LedgerActivity>> ReadAllActivityAsync(PostgresLiveLedger ledger, string instanceId)
    {
        var rows = new List<LedgerActivity>();
        long? cursor = null;
        do
        {
            var page = await ledger.ListActivityAsync(instanceId, new LedgerPageRequest(500, cursor), Cancel);
            rows.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return rows;
    }
}
