using Basis.Data.Stores;
using Basis.Live.Ledger;
using Basis.Live.Safety;
using Basis.Testing;
using Basis.Venues.Exchanges;
using Npgsql;
using static Basis.Live.Tests.Ledger.LedgerSamples;

namespace Basis.Live.Tests.Ledger;

public sealed class PostgresLiveLedgerTests(PostgresServer server)
{
    private const string TxHash = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_ledger_migrates_beside_the_result_store_and_only_once()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        await SchemaMigrator.MigrateAsync(dataSource, Cancel);

        await PostgresLiveLedger.OpenAsync(dataSource, Cancel);
        var again = await SchemaMigrator.MigrateAsync(dataSource, PostgresLiveLedger.Migrations, Cancel);

        Assert.Equal([1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012], PostgresLiveLedger.Migrations.Select(m => m.Version));
        Assert.Empty(again);
        await using var command = dataSource.CreateCommand("SELECT version FROM schema_migrations ORDER BY version");
        var versions = new List<int>();
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        while (await reader.ReadAsync(Cancel))
        {
            versions.Add(reader.GetInt32(0));
        }

        Assert.Equal([.. SchemaMigrator.Migrations.Select(m => m.Version), 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012], versions);
    }

    [Fact]
    public async Task An_instance_round_trips_and_keeps_its_creation_time()
    {
        var (ledger, dataSource) = await OpenAsync();
        await using var _ = dataSource;
        var instance = Instance();
        await ledger.SaveInstanceAsync(instance, Cancel);

        var halted = instance with { Status = LiveInstanceStatus.Halted, ExecutionKind = ExecutionKind.Real, CreatedUtc = Start.AddDays(1), UpdatedUtc = Start.AddHours(2) };
        await ledger.SaveInstanceAsync(halted, Cancel);
        var read = await ledger.GetInstanceAsync(instance.Id, Cancel);

        Assert.NotNull(read);
        Assert.Equal(LiveInstanceStatus.Halted, read.Status);
        Assert.Equal(ExecutionKind.Real, read.ExecutionKind);
        Assert.Equal(["binance"], read.Venues);
        Assert.Equal(Start, read.CreatedUtc);
        Assert.Equal(Start.AddHours(2), read.UpdatedUtc);
        Assert.Equal("""{"max_trade_size_usd": 1000}""", read.LimitsJson);
        Assert.Null(await ledger.GetInstanceAsync("no-such-instance", Cancel));
    }

    [Fact]
    public async Task Saving_an_order_again_records_its_progress_not_a_second_order()
    {
        var (ledger, dataSource) = await OpenAsync();
        await using var _ = dataSource;
        var placed = new LedgerOrder(InstanceId, "binance", "bsorder1", "ETHUSDT", OrderSide.Buy, OrderType.Limit, 2m, 3000m, null, OrderStatus.New, "open the hedge", Start, Start);

        await ledger.SaveOrderAsync(placed, Cancel);
        await ledger.SaveOrderAsync(placed with { VenueOrderId = "8389765", Status = OrderStatus.PartiallyFilled, Reason = null, UpdatedUtc = Start.AddSeconds(1) }, Cancel);
        await ledger.SaveOrderAsync(placed with { Status = OrderStatus.Filled, Reason = null, UpdatedUtc = Start.AddSeconds(2) }, Cancel);
        await ledger.SaveOrderAsync(placed with { Venue = "okx" }, Cancel);

        var orders = (await ledger.ListOrdersAsync(InstanceId, new LedgerPageRequest(10), Cancel)).Items;
        Assert.Equal(2, orders.Count);
        Assert.Equal(placed with { VenueOrderId = "8389765", Status = OrderStatus.Filled, UpdatedUtc = Start.AddSeconds(2) }, orders[0]);
        Assert.Equal("okx", orders[1].Venue);
    }

    [Fact]
    public async Task A_replayed_fill_funding_or_transfer_is_recorded_once()
    {
        var (ledger, dataSource) = await OpenAsync();
        await using var _ = dataSource;

        Assert.True(await ledger.AppendFillAsync(WorkedFills[0], Cancel));
        Assert.False(await ledger.AppendFillAsync(WorkedFills[0], Cancel));
        Assert.True(await ledger.AppendFundingAsync(Funding(-1.2m, 8), Cancel));
        Assert.False(await ledger.AppendFundingAsync(Funding(-1.2m, 8), Cancel));
        Assert.True(await ledger.AppendTransferAsync(Deposit(10_000m), Cancel));
        Assert.False(await ledger.AppendTransferAsync(Deposit(10_000m), Cancel));

        Assert.Equal([WorkedFills[0]], (await ledger.ListFillsAsync(InstanceId, new LedgerPageRequest(10), Cancel)).Items);
    }

    [Theory]
    [InlineData("UPDATE live_fills SET price = 1")]
    [InlineData("DELETE FROM live_funding_payments")]
    [InlineData("UPDATE live_transfers SET amount = 1")]
    public async Task Facts_cannot_be_changed(string sql)
    {
        var (ledger, dataSource) = await OpenAsync();
        await using var _ = dataSource;
        await ledger.AppendFillAsync(WorkedFills[0], Cancel);
        await ledger.AppendFundingAsync(Funding(-1.2m, 8), Cancel);
        await ledger.AppendTransferAsync(Deposit(10_000m), Cancel);

        await using var command = dataSource.CreateCommand(sql);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Cancel));

        Assert.Contains("is append-only", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transaction_is_kept_by_hash_and_updated_as_it_is_mined()
    {
        var (ledger, dataSource) = await OpenAsync();
        await using var _ = dataSource;
        var sent = new LedgerTransaction(TxHash, InstanceId, "leveraged_stake", TransactionStatus.Pending, null, 12_000_000_000m, null, Start, Start);

        await ledger.SaveTransactionAsync(sent, Cancel);
        await ledger.SaveTransactionAsync(sent with { Status = TransactionStatus.Confirmed, GasUsed = 412_345, GasPriceWei = null, BlockNumber = 21_000_000, UpdatedUtc = Start.AddSeconds(12) }, Cancel);
        await ledger.SaveTransactionAsync(sent with { UpdatedUtc = Start.AddSeconds(30), Status = TransactionStatus.Confirmed }, Cancel);

        var read = await ledger.GetTransactionAsync(TxHash, Cancel);
        Assert.Equal(sent with { Status = TransactionStatus.Confirmed, GasUsed = 412_345, BlockNumber = 21_000_000, UpdatedUtc = Start.AddSeconds(30) }, read);
    }

    [Fact]
    public async Task A_replayed_cycle_adds_no_decision_and_replaces_its_equity()
    {
        var (ledger, dataSource) = await OpenAsync();
        await using var _ = dataSource;
        var cycle = Start.AddHours(1);

        Assert.True(await ledger.RecordDecisionAsync(new LedgerDecision(InstanceId, cycle, "hedge", "delta 0.4 ETH above the band"), Cancel));
        Assert.False(await ledger.RecordDecisionAsync(new LedgerDecision(InstanceId, cycle, "hedge", "delta 0.4 ETH above the band"), Cancel));
        Assert.True(await ledger.RecordDecisionAsync(new LedgerDecision(InstanceId, cycle, "hold_lending", "health factor 1.9"), Cancel));
        await ledger.SaveEquityAsync(new LedgerEquity(InstanceId, cycle, 10_040m, """{"funding": -1.2}"""), Cancel);
        await ledger.SaveEquityAsync(new LedgerEquity(InstanceId, cycle, 10_045.025m, """{"funding": -1.2, "price": 50}"""), Cancel);

        Assert.Equal(["hedge", "hold_lending"], (await ledger.ListDecisionsAsync(InstanceId, cycle, Cancel)).Select(d => d.Action));
        var equity = Assert.Single(await ledger.ListEquityAsync(InstanceId, Start, Start.AddDays(1), Cancel));
        Assert.Equal(10_045.025m, equity.Equity);
        Assert.Equal("""{"price": 50, "funding": -1.2}""", equity.AttributionJson);
    }

    [Fact]
    public async Task Events_are_read_in_pages_until_the_cursor_runs_out()
    {
        var (ledger, dataSource) = await OpenAsync();
        await using var _ = dataSource;
        for (var minute = 0; minute < 5; minute++)
        {
            await ledger.AppendEventAsync(new LedgerEvent(InstanceId, LedgerEventKind.Heartbeat, $"beat {minute}", null, Start.AddMinutes(minute)), Cancel);
        }

        var first = await ledger.ListEventsAsync(InstanceId, new LedgerPageRequest(2), Cancel);
        var second = await ledger.ListEventsAsync(InstanceId, new LedgerPageRequest(2, first.NextCursor), Cancel);
        var last = await ledger.ListEventsAsync(InstanceId, new LedgerPageRequest(2, second.NextCursor), Cancel);
        var exact = await ledger.ListEventsAsync(InstanceId, new LedgerPageRequest(5), Cancel);

        Assert.Equal(["beat 0", "beat 1", "beat 2", "beat 3", "beat 4"], first.Items.Concat(second.Items).Concat(last.Items).Select(e => e.Message));
        Assert.NotNull(second.NextCursor);
        Assert.Null(last.NextCursor);
        Assert.Null(exact.NextCursor);
    }

    [Fact]
    public async Task Positions_rebuild_from_the_recorded_fills_funding_and_transfers()
    {
        var (ledger, dataSource) = await OpenAsync();
        await using var _ = dataSource;
        // Recorded out of trade order (the sell reached us first): the rebuild replays them by trade time.
        await ledger.AppendFillAsync(WorkedFills[1], Cancel);
        await ledger.AppendFillAsync(WorkedFills[0], Cancel);
        await ledger.AppendFundingAsync(Funding(-1.2m, 8), Cancel);
        await ledger.AppendTransferAsync(Deposit(10_000m), Cancel);

        var positions = await ledger.RebuildPositionsAsync(InstanceId, Cancel);

        // As in LedgerPositionsTests: long 1.5 @ 3000, 50 realised, 1.2 funding paid; 10045.025 USDT.
        Assert.Equal([new PerpHolding("binance", "ETHUSDT", 1.5m, 3000m, 50m, -1.2m)], positions.Perps);
        Assert.Equal([new TokenBalance("binance", "USDT", 10_045.025m)], positions.Balances);
    }

    private async Task<(PostgresLiveLedger Ledger, NpgsqlDataSource DataSource)> OpenAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        var ledger = await PostgresLiveLedger.OpenAsync(dataSource, Cancel);
        await ledger.SaveInstanceAsync(Instance(), Cancel);
        return (ledger, dataSource);
    }
}
