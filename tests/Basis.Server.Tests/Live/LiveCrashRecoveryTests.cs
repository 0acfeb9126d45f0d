using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Basis.Configuration.Binding;
using Basis.Core.Events;
using Basis.Core.Simulation;
using Basis.Data.Canonical;
using Basis.Data.Stores;
using Basis.Live.Ledger;
using Basis.Orchestrations.Backtests;
using Basis.Server.Tests.Support;
using Npgsql;

namespace Basis.Server.Tests.Live;

/// <summary>
/// Issue 11 §7: a crash of the server in the middle of a rebalance (SIGKILL) loses nothing. <c>basis serve</c> runs as
/// its own process on the durable back end the compose stack uses (the Azure Storage task hub, on Azurite), so the
/// cycle's orchestration outlives the process, with its ledger in a real PostgreSQL and the bundled sample as market
/// data. The live clock (<c>BASIS_LIVE_CLOCK_START</c>) puts the instance inside the sample: it is created on
/// 2025-01-01, and the server is started again eleven weeks later, so its first cycle catches up about 1,900 hours.
/// The server is killed while that cycle is writing hours, restarted on the same database and task hub, and the
/// instance then ends at the cycle's hour with every hour recorded once: the trades and the equity of a backtest over
/// the same hours.
/// </summary>
public sealed class LiveCrashRecoveryTests(StorageServices services) : IClassFixture<StorageServices>
{
    /// <summary>When the instance is created: its first hour is 2025-01-01T00:00Z, the sample's first.</summary>
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 20, 0, TimeSpan.Zero);

    /// <summary>When the server comes back and catches up: the cycle runs every hour up to and including 00:00 of that day.</summary>
    private static readonly DateTimeOffset CatchUp = new(2025, 3, 20, 0, 30, 0, TimeSpan.Zero);

    private static readonly DateTime FirstHour = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime EndHour = new(2025, 3, 20, 1, 0, 0, DateTimeKind.Utc);

    /// <summary>The hour (from the first) the catch-up cycle is held at when the server is killed.</summary>
    private const int HeldHour = 600;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_server_killed_mid_catch_up_resumes_after_a_restart_and_records_every_hour_once_as_the_backtest_does()
    {
        var connection = await services.Postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string>
        {
            ["BASIS_ORCHESTRATION_BACKEND"] = "azure_storage",
            ["AzureWebJobsStorage"] = services.Azurite.ConnectionString,
            ["BASIS_TASK_HUB"] = "livecrash",
            ["BASIS_DATABASE_CONNECTION"] = connection,
            ["BASIS_DATA_DIR"] = Repository.SampleData,

            // The live timers (heartbeat, rebalance) run in live execution mode; at start both fire at once.
            ["BASIS_EXECUTION_MODE"] = "live",

            // No trade is split or refused and the stop loss never trips, so the paper run is the backtest, trade for trade.
            ["BASIS_LIVE_TRADING__MAX_TRADE_SIZE_USD"] = "1000000000000",
            ["BASIS_LIVE_TRADING__EMERGENCY_STOP_LOSS_PCT"] = "100",
        };
        await using var dataSource = NpgsqlDataSource.Create(connection);
        var ledger = await PostgresLiveLedger.OpenAsync(dataSource, Token);

        // 1. On 2025-01-01 (live clock) an instance is created and started; the server then goes away.
        string id;
        using (var first = await ServerProcess.StartAsync(With(settings, Created), Token))
        {
            var created = await SendAsync(first, HttpMethod.Post, "/api/v1/live", new { name = "crash", mode = "eth_basis", venues = new[] { "binance" } }, HttpStatusCode.Created);
            id = created.GetProperty("id").GetString()!;
            await SendAsync(first, HttpMethod.Post, $"/api/v1/live/{id}/start", null, HttpStatusCode.OK);
            first.Kill();
        }

        var instance = await ledger.GetInstanceAsync(id, Token);
        Assert.Equal(FirstHour, WholeHour(instance!.CreatedUtc));

        // 2. Back on 2025-03-20: the start-up heartbeat and rebalance run the catch-up cycle, which the server is killed
        // in the middle of. The whole catch-up takes about a second on a fast machine, too short to hit reliably by
        // polling, so the test holds the ledger row of one hour (the equity of HeldHour, inserted in a transaction it
        // leaves open): the cycle writes the hours before it, then waits on that row inside its hour's writes, and the
        // server dies without warning there, before the checkpoint moves. The hold is rolled back once it is dead.
        await using var hold = await dataSource.OpenConnectionAsync(Token);
        await using (var transaction = await hold.BeginTransactionAsync(Token))
        {
            await using (var insert = new NpgsqlCommand("INSERT INTO live_equity (instance_id, cycle_utc, equity, attribution) VALUES (@id, @hour, 0, '{}')", hold, transaction))
            {
                insert.Parameters.AddWithValue("id", id);
                insert.Parameters.AddWithValue("hour", FirstHour.AddHours(HeldHour));
                await insert.ExecuteNonQueryAsync(Token);
            }

            using var second = await ServerProcess.StartAsync(With(settings, CatchUp), Token);
            var deadline = DateTime.UtcNow.AddMinutes(3);
            while (true)
            {
                var recorded = (await ledger.ListEquityAsync(id, Token)).Count;
                Assert.True(recorded <= HeldHour && await ledger.GetCheckpointAsync(id, Token) is null, $"the cycle went past the held hour ({recorded} hours)\n--- server\n{second.Output}");
                if (recorded == HeldHour && await WaitingOnTheHoldAsync(dataSource))
                {
                    second.Kill();
                    break;
                }

                Assert.True(DateTime.UtcNow < deadline, $"the catch-up cycle did not reach the held hour in 3 minutes ({recorded} hours)\n--- server\n{second.Output}");
                await Task.Delay(50, Token);
            }

            await transaction.RollbackAsync(Token);
        }

        var expectedHours = (int)(EndHour - FirstHour).TotalHours;
        Assert.Null(await ledger.GetCheckpointAsync(id, Token));

        // 3. The server comes back on the same database and task hub, its live clock where it would have been. The
        // interrupted cycle is picked up again (or a new one starts) and runs the instance up to the same hour.
        using var third = await ServerProcess.StartAsync(With(settings, CatchUp + TimeSpan.FromMinutes(1)), Token);
        var patience = DateTime.UtcNow.AddMinutes(5);
        while (await ledger.GetCheckpointAsync(id, Token) is not { } done || done.NextHourUtc.UtcDateTime < EndHour)
        {
            Assert.True(DateTime.UtcNow < patience, $"the instance did not catch up within 5 minutes after the restart\n--- server\n{third.Output}");
            await Task.Delay(250, Token);
        }

        // The cycle ends at the hour it was asked for, and the instance runs on.
        Assert.Equal(EndHour, (await ledger.GetCheckpointAsync(id, Token))!.NextHourUtc.UtcDateTime);
        Assert.Equal("active", (await SendAsync(third, HttpMethod.Get, $"/api/v1/live/{id}", null, HttpStatusCode.OK)).GetProperty("status").GetString());

        // Every hour once: no (hour, ordinal) twice, each hour's trades and equity those of a backtest over the same hours.
        var backtest = Backtest();
        var activity = await ReadAllActivityAsync(ledger, id);
        Assert.Equal(activity.Count, activity.Select(a => (a.HourUtc, a.Ordinal)).Distinct().Count());
        Assert.All(activity.GroupBy(a => a.HourUtc), hour => Assert.Equal(Enumerable.Range(0, hour.Count()), hour.Select(a => a.Ordinal).Order()));
        Assert.Equal(backtest.Events.Count, activity.Count(a => a.Kind != "gate"));
        Assert.All(activity.Where(a => a.Kind == "gate"), a => Assert.Equal("passed", JsonDocument.Parse(a.BodyJson).RootElement.GetProperty("verdict").GetString()));
        var backtestTrades = backtest.Events.OfType<TradeEvent>().GroupBy(t => HourOf(t.Time)).ToDictionary(g => g.Key, g => g.Count());
        var paperTrades = activity.Where(a => a.Kind == "trade").GroupBy(a => a.HourUtc.UtcDateTime).ToDictionary(g => g.Key, g => g.Count());
        Assert.NotEmpty(backtestTrades);
        Assert.Equal(backtestTrades.OrderBy(t => t.Key), paperTrades.OrderBy(t => t.Key));

        var equity = await ledger.ListEquityAsync(id, Token);
        var column = backtest.Timeseries.Column("equity");
        Assert.Equal(expectedHours, column.Length);
        Assert.Equal(Enumerable.Range(0, expectedHours).Select(h => FirstHour.AddHours(h)), equity.Select(e => e.CycleUtc.UtcDateTime));
        for (var h = 0; h < column.Length; h++)
        {
            Assert.Equal(column[h], (double)equity[h].Equity, 6);
        }

        // And the API reads the same: one equity point per hour.
        var performance = await SendAsync(third, HttpMethod.Get, $"/api/v1/live/{id}/performance", null, HttpStatusCode.OK);
        Assert.Equal(expectedHours, performance.GetProperty("cycles").GetInt32());
    }

    /// <summary>True when a session of the database waits for a lock: the cycle's write of the held hour.</summary>
    private static async Task<bool> WaitingOnTheHoldAsync(NpgsqlDataSource dataSource)
    {
        await using var command = dataSource.CreateCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
        return (long)(await command.ExecuteScalarAsync(Token))! > 0;
    }

    /// <summary>The settings with the live clock starting at <paramref name="clock"/>.</summary>
    private static Dictionary<string, string> With(Dictionary<string, string> settings, DateTimeOffset clock) =>
        new(settings) { ["BASIS_LIVE_CLOCK_START"] = clock.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) };

    /// <summary>eth_basis from the instance's first hour to the cycle's end with the default capital, in this process.</summary>
    private static Core.Results.BacktestResult Backtest()
    {
        var workspace = new BacktestWorkspace(BasisConfiguration.Load(Repository.Configs), new LocalMarketDataSource(Repository.SampleData), new MemoryResultStore(), new MemoryResultStore());
        var prepared = workspace.Prepare("reference", new BacktestRequest("eth_basis", FirstHour, EndHour, 100_000));
        var market = workspace.MarketAsync(prepared, Token).GetAwaiter().GetResult();
        return BacktestEngine.Run(prepared.Spec, prepared.Strategy, market);
    }

    private static async Task<JsonElement> SendAsync(ServerProcess server, HttpMethod method, string path, object? body, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        using var response = await server.Http.SendAsync(request, Token);
        var text = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == expected, $"{method} {path}: {(int)response.StatusCode}: {text}\n--- server\n{server.Output}");
        using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
        return document.RootElement.Clone();
    }

    private static async Task<List<LedgerActivity>> ReadAllActivityAsync(PostgresLiveLedger ledger, string instanceId)
    {
        var rows = new List<LedgerActivity>();
        long? cursor = null;
        do
        {
            var page = await ledger.ListActivityAsync(instanceId, new LedgerPageRequest(1000, cursor), Token);
            rows.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return rows;
    }

    private static DateTime WholeHour(DateTimeOffset time) => HourOf(time.UtcDateTime);

    private static DateTime HourOf(DateTime time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc);
}
