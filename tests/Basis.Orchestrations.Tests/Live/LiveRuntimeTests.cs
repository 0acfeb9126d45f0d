using System.Globalization;
using System.Text.Json;
using Basis.Core.Simulation;
using Basis.Core.Trading;
using Basis.Data.Stores;
using Basis.Live.Ledger;
using Basis.Live.Safety;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Live;
using Basis.Orchestrations.Tests.Support;
using Basis.Testing;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Basis.Orchestrations.Tests.Live;

/// <summary>The live runtime's limits on a paper instance over the bundled sample, against a real PostgreSQL ledger.</summary>
public sealed class LiveRuntimeTests(PostgresServer server) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly LiveTradingSettings Paper = LiveTradingSettings.Default with { MaxTradeSizeUsd = 1_000_000m };
    private LiveLedgerSource? _source;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _source = new LiveLedgerSource(await server.CreateDatabaseAsync());

    public async ValueTask DisposeAsync()
    {
        if (_source is not null)
        {
            await _source.DisposeAsync();
        }
    }

    [Fact]
    public async Task Only_an_active_instance_with_a_fresh_heartbeat_trades_and_a_real_one_only_on_a_host_that_can()
    {
        var runtime = Runtime(Paper);
        var ledger = await _source!.OpenAsync(Cancel);
        await ledger.SaveInstanceAsync(Instance("paused") with { Status = LiveInstanceStatus.Paused }, Cancel);
        await ledger.SaveInstanceAsync(Instance("real") with { ExecutionKind = ExecutionKind.Real }, Cancel);
        await ledger.SaveInstanceAsync(Instance("silent"), Cancel);

        var paused = await runtime.RunCycleAsync("paused", Created.AddHours(3), Cancel);
        var real = await runtime.RunCycleAsync("real", Created.AddHours(3), Cancel);
        var silent = await runtime.RunCycleAsync("silent", Created.AddHours(3), Cancel);

        Assert.Equal((false, "the instance is paused: only an active instance trades"), (paused.Ran, paused.Detail));
        Assert.Equal((false, "heartbeat missed: no heartbeat yet; no new orders until it beats again"), (real.Ran, real.Detail));
        Assert.False(silent.Ran);
        Assert.Equal("heartbeat missed: no heartbeat yet; no new orders until it beats again", silent.Detail);
        Assert.Null(await ledger.GetCheckpointAsync("silent", Cancel));

        Assert.Equal(2, await runtime.BeatAsync(Cancel));
        var beating = await runtime.RunCycleAsync("silent", Created.AddHours(3), Cancel);
        Assert.True(beating.Ran);
        Assert.Equal(4, beating.Hours);

        // A host without venue clients holds a real instance, beating or not.
        var held = await runtime.RunCycleAsync("real", Created.AddHours(3), Cancel);
        Assert.Equal((false, "real execution is not allowed now, so the instance is held: this host has no real execution set up (no venue clients)"), (held.Ran, held.Detail));
        Assert.Null(await ledger.GetCheckpointAsync("real", Cancel));
    }

    [Fact]
    public async Task A_drawdown_past_the_stop_loss_unwinds_everything_at_that_hour_and_halts_the_instance()
    {
        // A limit of 0.001 % trips on the first hour equity falls below its high-water mark after the entry.
        var runtime = Runtime(Paper);
        var ledger = await _source!.OpenAsync(Cancel);
        await ledger.SaveInstanceAsync(Instance("tight", """{"emergency_stop_loss_pct": 0.001}"""), Cancel);
        await runtime.BeatAsync(Cancel);

        LiveCycleResult? stopped = null;
        for (var hour = 0; hour < 72 && stopped is null; hour++)
        {
            var result = await runtime.RunCycleAsync("tight", Created.AddHours(hour), Cancel);
            stopped = result.Detail.StartsWith("emergency stop loss", StringComparison.Ordinal) ? result : null;
        }

        Assert.NotNull(stopped);
        Assert.EndsWith("unwound into the wallet at that hour and halted", stopped.Detail, StringComparison.Ordinal);
        Assert.Equal(LiveInstanceStatus.Halted, (await ledger.GetInstanceAsync("tight", Cancel))!.Status);
        var breach = Assert.Single(await ledger.LatestEventsAsync("tight", LedgerEventKind.Breach, 5, Cancel));
        Assert.Contains("everything was unwound into the wallet", breach.Message, StringComparison.Ordinal);

        // The fills since the entry net to nothing on every instrument: the spot leg is sold and every short bought back.
        var activity = (await ledger.ListActivityAsync("tight", new LedgerPageRequest(1000), Cancel)).Items;
        var exit = Assert.Single(activity, a => a.Kind == "rebalance" && Field(a, "action") == "exit_full");
        Assert.All(
            activity.Where(a => a.Kind == "trade").GroupBy(a => Field(a, "instrument")),
            trades => Assert.Equal(0, trades.Sum(t => (Field(t, "side") == "buy" ? 1 : -1) * double.Parse(Field(t, "quantity")!, CultureInfo.InvariantCulture)), 9));
        Assert.Equal(exit.HourUtc, activity.Max(a => a.HourUtc));
        Assert.False((await runtime.RunCycleAsync("tight", Created.AddHours(80), Cancel)).Ran);
    }

    [Fact]
    public async Task An_operators_emergency_stop_unwinds_the_next_hour_into_cash_and_the_instance_stays_halted()
    {
        var runtime = Runtime(Paper);
        var ledger = await _source!.OpenAsync(Cancel);
        await ledger.SaveInstanceAsync(Instance("stopped-by-hand"), Cancel);
        await runtime.BeatAsync(Cancel);
        await runtime.RunCycleAsync("stopped-by-hand", Created.AddHours(5), Cancel);

        // What the operator's emergency stop records (LiveService.EmergencyStopAsync).
        await OperatorActions.EmergencyStopAsync(ledger, "stopped-by-hand", DateTimeOffset.UtcNow, Cancel);

        Assert.Contains("stopped-by-hand", await runtime.InstancesDueAsync(Cancel));
        var early = await runtime.RunCycleAsync("stopped-by-hand", Created.AddHours(5), Cancel);
        var unwind = await runtime.RunCycleAsync("stopped-by-hand", Created.AddHours(9), Cancel);
        var after = await runtime.RunCycleAsync("stopped-by-hand", Created.AddHours(10), Cancel);

        Assert.Equal((false, "the emergency unwind waits for the next hour's prices"), (early.Ran, early.Detail));
        Assert.Equal((true, 1, "unwound into cash at 2025-01-01T06:00Z"), (unwind.Ran, unwind.Hours, unwind.Detail));
        Assert.Equal((false, "the instance is halted: only an active instance trades"), (after.Ran, after.Detail));
        Assert.DoesNotContain("stopped-by-hand", await runtime.InstancesDueAsync(Cancel));
        var activity = (await ledger.ListActivityAsync("stopped-by-hand", new LedgerPageRequest(1000), Cancel)).Items;
        Assert.Contains(activity, a => a.Kind == "rebalance" && Field(a, "action") == "exit_full" && a.HourUtc == Created.AddHours(6));
        Assert.All(
            activity.Where(a => a.Kind == "trade").GroupBy(a => Field(a, "instrument")),
            trades => Assert.Equal(0, trades.Sum(t => (Field(t, "side") == "buy" ? 1 : -1) * double.Parse(Field(t, "quantity")!, CultureInfo.InvariantCulture)), 9));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_circuit_breaker_halts_an_instance_whose_intent_the_gate_refused(bool enabled)
    {
        // 100 USD a trade: the 80,000 USD spot entry would take 800 parts, more than the gate allows, so it is refused
        // and the book is left half built (shorts without their spot leg).
        var runtime = Runtime(Paper with { CircuitBreakerEnabled = enabled });
        var ledger = await _source!.OpenAsync(Cancel);
        var id = enabled ? "breaker-on" : "breaker-off";
        await ledger.SaveInstanceAsync(Instance(id, """{"max_trade_size_usd": 100}"""), Cancel);
        await runtime.BeatAsync(Cancel);

        var result = await runtime.RunCycleAsync(id, Created, Cancel);

        var status = (await ledger.GetInstanceAsync(id, Cancel))!.Status;
        var breaches = await ledger.LatestEventsAsync(id, LedgerEventKind.Breach, 5, Cancel);
        if (enabled)
        {
            Assert.StartsWith("circuit breaker: the safety gate refused an intent at 2025-01-01T00:00Z", result.Detail, StringComparison.Ordinal);
            Assert.Equal(LiveInstanceStatus.Halted, status);
            Assert.Contains("refused", Assert.Single(breaches).DetailsJson, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(LiveInstanceStatus.Active, status);
            Assert.Empty(breaches);
        }
    }

    [Theory]
    [InlineData("eth_basis", "usdt", "margin_ratio_binance_ETHUSDT", true)]
    [InlineData("eth_leveraged", "eth", "health_factor", true)]
    [InlineData("eth_leveraged", "eth", "health_factor", false)]
    public async Task The_circuit_breaker_halts_an_instance_whose_hour_ends_under_a_risk_floor(string mode, string shareClass, string metric, bool enabled)
    {
        // The book is built at the first hour: eth_basis posts margin of a quarter of the perps' notional, eth_leveraged
        // loops to a health factor near 1.03. Floors of 0.3 and 1.5 are above both, so the first hour ends under them.
        var settings = Paper with { CircuitBreakerEnabled = enabled, MarginRatioFloor = 0.3, HealthFactorFloor = 1.5 };
        var runtime = Runtime(settings);
        var ledger = await _source!.OpenAsync(Cancel);
        var id = $"floor-{mode}-{enabled}";
        await ledger.SaveInstanceAsync(Instance(id) with { Mode = mode, ShareClass = shareClass, Capital = shareClass == "eth" ? 30m : 100_000m }, Cancel);
        await runtime.BeatAsync(Cancel);

        var result = await runtime.RunCycleAsync(id, Created.AddHours(2), Cancel);

        // The figure recorded is the backtest's own for that hour, under the floor.
        var workspace = Workspace();
        var prepared = workspace.Prepare("reference", new BacktestRequest(mode, Created.UtcDateTime, Created.UtcDateTime.AddHours(1), shareClass == "eth" ? 30 : 100_000));
        var figure = BacktestEngine.Run(prepared.Spec, prepared.Strategy, await workspace.MarketAsync(prepared, Cancel)).Timeseries.Column(metric)[0];
        var floor = metric == "health_factor" ? 1.5 : 0.3;
        Assert.True(figure < floor, $"{metric} {figure} is not under {floor}");
        var recorded = (await ledger.ListActivityAsync(id, new LedgerPageRequest(1000), Cancel)).Items.Where(a => a.Kind == "risk_floor").ToList();
        Assert.Equal(Created, recorded[0].HourUtc);
        Assert.Equal((metric, figure, floor), (Field(recorded[0], "metric"), double.Parse(Field(recorded[0], "value")!, CultureInfo.InvariantCulture), double.Parse(Field(recorded[0], "floor")!, CultureInfo.InvariantCulture)));

        var status = (await ledger.GetInstanceAsync(id, Cancel))!.Status;
        var breaches = await ledger.LatestEventsAsync(id, LedgerEventKind.Breach, 5, Cancel);
        if (enabled)
        {
            var what = metric == "health_factor" ? "the health factor" : "the margin ratio of binance ETHUSDT";
            Assert.Equal(
                string.Create(CultureInfo.InvariantCulture, $"circuit breaker: {what} ended an hour at {figure:0.####}, under its floor {floor:0.####} at 2025-01-01T00:00Z"),
                result.Detail[..result.Detail.IndexOf(" (", StringComparison.Ordinal)]);
            Assert.Equal(LiveInstanceStatus.Halted, status);
            Assert.Single(breaches);

            // The cycle stopped at the hour that tripped the breaker: nothing traded after it.
            Assert.Equal(1, result.Hours);
            Assert.All(recorded, r => Assert.Equal(Created, r.HourUtc));
        }
        else
        {
            // Recorded, not acted on: the instance trades on.
            Assert.Equal(LiveInstanceStatus.Active, status);
            Assert.Empty(breaches);
            Assert.Equal(3, result.Hours);
            Assert.Equal(3, recorded.Count(r => Field(r, "metric") == metric));
        }
    }

    [Fact]
    public async Task A_trip_whose_halt_a_crash_lost_halts_the_instance_before_another_hour_trades()
    {
        var ledger = await _source!.OpenAsync(Cancel);
        var instance = Instance("lost-halt");
        await ledger.SaveInstanceAsync(instance, Cancel);
        var runtime = Runtime(Paper);
        await runtime.BeatAsync(Cancel);

        // The cycle that tripped, as a crash leaves it: its hours recorded and the checkpoint moved, the instance active.
        var tripping = new BreakerPolicy(Enabled: true, HealthFactorFloor: 1.01, MarginRatioFloor: 0.3);
        await new PaperCycle(Workspace(), ledger, TimeProvider.System).RunAsync(instance, new SafetyLimits(ReadOnly: false, 1e9), 100, Created.AddHours(2), breaker: tripping, cancellationToken: Cancel);
        Assert.Equal(Created.AddHours(1), (await ledger.GetCheckpointAsync("lost-halt", Cancel))!.NextHourUtc);

        var next = await runtime.RunCycleAsync("lost-halt", Created.AddHours(3), Cancel);

        Assert.False(next.Ran);
        Assert.StartsWith("circuit breaker: the margin ratio of ", next.Detail, StringComparison.Ordinal);
        Assert.EndsWith("at 2025-01-01T00:00Z (3 such event(s) in the cycle); the instance is halted until an operator acknowledges it", next.Detail, StringComparison.Ordinal);
        Assert.Equal(LiveInstanceStatus.Halted, (await ledger.GetInstanceAsync("lost-halt", Cancel))!.Status);
        Assert.Equal(Created.AddHours(1), (await ledger.GetCheckpointAsync("lost-halt", Cancel))!.NextHourUtc);

        // Once an operator clears the halt, the breach it recorded for that hour lets the instance trade on.
        await ledger.ChangeStatusAsync("lost-halt", [LiveInstanceStatus.Halted], LiveInstanceStatus.Active, DateTimeOffset.UtcNow, Cancel);
        var cleared = await runtime.RunCycleAsync("lost-halt", Created.AddHours(3), Cancel);
        Assert.Equal((true, 3), (cleared.Ran, cleared.Hours));
    }

    [Fact]
    public async Task An_instance_floor_raises_the_hosts()
    {
        // The host's margin-ratio floor (0.02) lets eth_basis's quarter of notional pass; the instance's own 0.3 does not.
        var runtime = Runtime(Paper);
        var ledger = await _source!.OpenAsync(Cancel);
        await ledger.SaveInstanceAsync(Instance("own-floor", """{"margin_ratio_floor": 0.3, "health_factor_floor": 1.0}"""), Cancel);
        await ledger.SaveInstanceAsync(Instance("host-floor"), Cancel);
        await runtime.BeatAsync(Cancel);

        var own = await runtime.RunCycleAsync("own-floor", Created.AddHours(2), Cancel);
        var host = await runtime.RunCycleAsync("host-floor", Created.AddHours(2), Cancel);

        Assert.StartsWith("circuit breaker: the margin ratio of ", own.Detail, StringComparison.Ordinal);
        Assert.Equal(LiveInstanceStatus.Halted, (await ledger.GetInstanceAsync("own-floor", Cancel))!.Status);
        Assert.Equal((true, 3), (host.Ran, host.Hours));
        Assert.Equal(LiveInstanceStatus.Active, (await ledger.GetInstanceAsync("host-floor", Cancel))!.Status);
    }

    [Fact]
    public async Task A_funding_flip_bleeds_a_basis_book_until_the_stop_loss_unwinds_it()
    {
        // From 2 January every venue's funding is the sample's times −30: the eth_basis shorts, which earned funding,
        // now pay about 0.3 % of their notional every 8 hours. The strategy does not trade on funding, so equity bleeds
        // at each settlement until the instance's 0.5 % stop loss unwinds the book and halts it.
        var flip = new DateTime(2025, 1, 2, 0, 0, 0, DateTimeKind.Utc);
        var data = Directory.CreateTempSubdirectory("basis-funding-flip-").FullName;
        try
        {
            ShockedSample(data, "funding", flip, -30);
            var runtime = new LiveRuntime(_source!, Workspace(data), Paper with { MaxTradeSizeUsd = 1e9m }, TimeProvider.System);
            var ledger = await _source!.OpenAsync(Cancel);
            await ledger.SaveInstanceAsync(Instance("funding-flip", """{"emergency_stop_loss_pct": 0.5}"""), Cancel);
            await runtime.BeatAsync(Cancel);

            var result = await runtime.RunCycleAsync("funding-flip", Created.AddDays(10), Cancel);

            Assert.Equal(LiveInstanceStatus.Halted, (await ledger.GetInstanceAsync("funding-flip", Cancel))!.Status);
            var breach = Assert.Single(await ledger.LatestEventsAsync("funding-flip", LedgerEventKind.Breach, 5, Cancel));
            Assert.StartsWith("emergency stop loss: equity ", breach.Message, StringComparison.Ordinal);
            Assert.StartsWith("emergency stop loss: ", result.Detail, StringComparison.Ordinal);

            // Funding had been earned up to the flip, and was what was lost after it: the P&L by source says so.
            var equity = await ledger.ListEquityAsync("funding-flip", Cancel);
            var before = equity.Last(e => e.CycleUtc < flip);
            var halted = equity[^1];
            Assert.True(halted.CycleUtc > flip && halted.CycleUtc < Created.AddDays(10), $"halted at {halted.CycleUtc:u}");
            Assert.True(Funding(before) > 0, $"funding before the flip: {Funding(before)}");
            Assert.True(Funding(halted) < Funding(before) - 300, $"funding at the halt: {Funding(halted)}, before the flip: {Funding(before)}");
            Assert.True(halted.Equity < 100_000m * 0.996m, $"equity at the halt: {halted.Equity}");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }

        static double Funding(LedgerEquity e) => JsonDocument.Parse(e.AttributionJson).RootElement.GetProperty("funding").GetDouble();
    }

    [Theory]
    [InlineData(5.0)]
    [InlineData(100.0)]
    public async Task An_oracle_shock_on_a_leveraged_loop_halts_the_instance(double stopLossPct)
    {
        // The AAVE oracle marks weETH 5 % lower from 06:00 on: the eth_leveraged loop, about eleven times levered, loses
        // over half its equity at that hour. With the default 5 % stop loss the hour is run again as an unwind; with no
        // stop loss the loop is liquidated and the circuit breaker halts the instance. Either way the cycle, asked to run
        // up to 09:00, stops at the shock's hour.
        var shock = new DateTime(2025, 1, 1, 6, 0, 0, DateTimeKind.Utc);
        var data = Directory.CreateTempSubdirectory("basis-oracle-shock-").FullName;
        try
        {
            ShockedSample(data, "oracle/aave/weETH-ETH", shock, 0.95);
            // No trade is split (a split costs gas the backtest does not pay), so the hours before the shock are the backtest's.
            var runtime = new LiveRuntime(_source!, Workspace(data), Paper with { EmergencyStopLossPct = (decimal)stopLossPct, MaxTradeSizeUsd = 1e9m }, TimeProvider.System);
            var ledger = await _source!.OpenAsync(Cancel);
            var id = $"oracle-shock-{stopLossPct:0}";
            await ledger.SaveInstanceAsync(Instance(id) with { Mode = "eth_leveraged", ShareClass = "eth", Capital = 30m }, Cancel);
            await runtime.BeatAsync(Cancel);

            var result = await runtime.RunCycleAsync(id, Created.AddHours(9), Cancel);

            Assert.Equal(LiveInstanceStatus.Halted, (await ledger.GetInstanceAsync(id, Cancel))!.Status);
            var equity = await ledger.ListEquityAsync(id, Cancel);
            Assert.Equal(7, equity.Count);
            var breach = Assert.Single(await ledger.LatestEventsAsync(id, LedgerEventKind.Breach, 5, Cancel));
            if (stopLossPct < 100)
            {
                Assert.StartsWith("emergency stop loss: equity ", breach.Message, StringComparison.Ordinal);
                Assert.Contains(" % below its high-water mark ", breach.Message, StringComparison.Ordinal);
            }
            else
            {
                Assert.StartsWith("circuit breaker: a position was liquidated at 2025-01-01T06:00Z", breach.Message, StringComparison.Ordinal);
                Assert.Equal(breach.Message, result.Detail);
            }

            // Up to the shock, the instance had the backtest's equity on the unshocked sample, hour for hour.
            var workspace = Workspace();
            var prepared = workspace.Prepare("reference", new BacktestRequest("eth_leveraged", Created.UtcDateTime, shock, 30));
            var backtest = BacktestEngine.Run(prepared.Spec, prepared.Strategy, await workspace.MarketAsync(prepared, Cancel)).Timeseries.Column("equity");
            Assert.All(Enumerable.Range(0, 6), h => Assert.Equal(backtest[h], (double)equity[h].Equity, 9));
            Assert.True((double)equity[6].Equity < backtest[5] * 0.6, $"the shock left {equity[6].Equity} ETH of {backtest[5]}");
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task An_instance_limit_tightens_the_hosts_maximum_trade_size()
    {
        var runtime = Runtime(Paper);
        var ledger = await _source!.OpenAsync(Cancel);
        await ledger.SaveInstanceAsync(Instance("capped", """{"max_trade_size_usd": 30000}"""), Cancel);
        await runtime.BeatAsync(Cancel);

        await runtime.RunCycleAsync("capped", Created, Cancel);

        var page = await ledger.ListActivityAsync("capped", new LedgerPageRequest(1000), Cancel);
        Assert.Contains(page.Items, a => a.Kind == "gate" && a.BodyJson.Contains("split", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deposit_lands_at_the_next_hour_and_a_withdrawal_beyond_equity_is_refused_up_front()
    {
        var clock = new FakeTimeProvider(Created.AddHours(5).AddMinutes(30));
        var runtime = new LiveRuntime(_source!, Workspace(), Paper, clock);
        var ledger = await _source!.OpenAsync(Cancel);
        await ledger.SaveInstanceAsync(Instance("flows"), Cancel);
        await runtime.BeatAsync(Cancel);
        await runtime.RunCycleAsync("flows", clock.GetUtcNow(), Cancel);

        var at = await runtime.RecordFlowAsync("flows", 50_000m, Cancel);
        var refused = await Assert.ThrowsAsync<LiveFlowRefusedException>(() => runtime.RecordFlowAsync("flows", -200_000m, Cancel));
        clock.Advance(TimeSpan.FromHours(2));
        await runtime.BeatAsync(Cancel);
        await runtime.RunCycleAsync("flows", clock.GetUtcNow(), Cancel);

        Assert.Equal(Created.AddHours(6), at);
        Assert.StartsWith("The withdrawal of 200000 USDT is larger than the instance's equity (", refused.Message, StringComparison.Ordinal);
        // The backtest with the same deposit: the strategy deploys it at that hour, paying its fees and slippage.
        var workspace = Workspace();
        var prepared = workspace.Prepare("flows-backtest", new BacktestRequest("eth_basis", Created.UtcDateTime, Created.UtcDateTime.AddHours(8), 100_000, Flows: [new(at.UtcDateTime, 50_000)]));
        var backtest = BacktestEngine.Run(prepared.Spec, prepared.Strategy, await workspace.MarketAsync(prepared, Cancel)).Timeseries.Column("equity");
        var equity = await ledger.ListEquityAsync("flows", Cancel);
        Assert.Equal(8, equity.Count);
        Assert.All(Enumerable.Range(0, 8), h => Assert.Equal(backtest[h], (double)equity[h].Equity, 6));
        Assert.InRange((double)(equity[6].Equity - equity[5].Equity), 49_800, 50_000);
        var activity = await ledger.ListActivityAsync("flows", new LedgerPageRequest(1000), Cancel);
        Assert.Single(activity.Items, a => a.Kind == "flow" && a.HourUtc == at);
    }

    [Fact]
    public async Task Without_a_database_the_runtime_says_what_to_set()
    {
        await using var none = new LiveLedgerSource(null);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => new LiveRuntime(none, Workspace(), Paper, TimeProvider.System).BeatAsync(Cancel));

        Assert.False(none.IsConfigured);
        Assert.Equal("Live trading keeps its ledger in PostgreSQL: set BASIS_DATABASE_CONNECTION.", error.Message);
    }

    [Fact]
    public async Task A_cycle_runs_as_the_instances_durable_orchestration()
    {
        var ledger = await _source!.OpenAsync(Cancel);
        await ledger.SaveInstanceAsync(Instance("durable"), Cancel);
        await using var pipeline = await Pipeline.StartAsync(new MemoryResultStore(), services: services => services
            .AddSingleton(_source)
            .AddSingleton(Paper)
            .AddSingleton(TimeProvider.System)
            .AddSingleton<LiveRuntime>());
        var runtime = new LiveRuntime(_source, pipeline.Workspace, Paper, TimeProvider.System);
        await runtime.BeatAsync(Cancel);

        var id = await pipeline.Client.ScheduleNewOrchestrationInstanceAsync(LiveCycleOrchestrator.Name, new LiveCycleInput("durable", Created.AddHours(5)), new StartOrchestrationOptions("live-durable"), Cancel);
        var done = await pipeline.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        var result = done.ReadOutputAs<LiveCycleResult>()!;
        Assert.Equal((true, 6), (result.Ran, result.Hours));
        Assert.Equal(Created.AddHours(6), (await ledger.GetCheckpointAsync("durable", Cancel))!.NextHourUtc);
    }

    private static string? Field(LedgerActivity activity, string name)
    {
        using var body = JsonDocument.Parse(activity.BodyJson);
        return body.RootElement.TryGetProperty(name, out var value) ? value.ToString() : null;
    }

    private LiveRuntime Runtime(LiveTradingSettings settings) => new(_source!, Workspace(), settings, TimeProvider.System);

    private static BacktestWorkspace Workspace(string? data = null) => SampleWorkspace.Create(data);

    /// <summary>A copy of the bundled sample into <paramref name="folder"/> with one series' values scaled by <paramref name="factor"/> from <paramref name="fromUtc"/> on.</summary>
    private static void ShockedSample(string folder, string series, DateTime fromUtc, double factor)
    {
        var sample = Repository.Path("data");
        foreach (var file in Directory.EnumerateFiles(sample, "*.csv", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(sample, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var shocked = Path.GetRelativePath(sample, file).Replace('\\', '/').StartsWith(series + "/", StringComparison.Ordinal);
            File.WriteAllLines(target, File.ReadAllLines(file).Select((line, i) => shocked && i > 0 && DateTime.Parse(line.Split(',')[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) >= fromUtc
                ? string.Join(',', [line.Split(',')[0], .. line.Split(',').Skip(1).Select(v => (double.Parse(v, CultureInfo.InvariantCulture) * factor).ToString("R", CultureInfo.InvariantCulture))])
                : line));
        }
    }

    private static LiveInstance Instance(string id, string limits = "{}") =>
        new(id, id, "eth_basis", "usdt", 100_000m, ["binance", "bybit", "okx"], limits, ExecutionKind.Paper, LiveInstanceStatus.Active, Created, Created);
}
