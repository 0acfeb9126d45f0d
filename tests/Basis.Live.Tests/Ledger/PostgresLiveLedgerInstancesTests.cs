using Basis.Live.Ledger;
using Basis.Testing;
using Npgsql;
using static Basis.Live.Tests.Ledger.LedgerSamples;

namespace Basis.Live.Tests.Ledger;

/// <summary>The operator's reads and writes: every instance, a status change that cannot race, the latest events of a kind, all equity.</summary>
public sealed class PostgresLiveLedgerInstancesTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Instances_list_oldest_first()
    {
        await using var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        var ledger = await PostgresLiveLedger.OpenAsync(dataSource, Cancel);
        await ledger.SaveInstanceAsync(Instance("b") with { CreatedUtc = Start.AddHours(1) }, Cancel);
        await ledger.SaveInstanceAsync(Instance("a") with { CreatedUtc = Start.AddHours(2) }, Cancel);

        Assert.Equal(["b", "a"], (await ledger.ListInstancesAsync(Cancel)).Select(i => i.Id));
    }

    [Fact]
    public async Task A_status_changes_only_from_the_statuses_given()
    {
        var (ledger, dataSource) = await OpenAsync();
        await using var _ = dataSource;

        var halted = await ledger.ChangeStatusAsync(InstanceId, [LiveInstanceStatus.Active], LiveInstanceStatus.Halted, Start.AddHours(1), Cancel);
        // The operator read it Active a moment ago; the halt won, so pausing from Active changes nothing.
        var stillHalted = await ledger.ChangeStatusAsync(InstanceId, [LiveInstanceStatus.Active], LiveInstanceStatus.Paused, Start.AddHours(2), Cancel);

        Assert.Equal((LiveInstanceStatus.Halted, Start.AddHours(1)), (halted!.Status, halted.UpdatedUtc));
        Assert.Equal((LiveInstanceStatus.Halted, Start.AddHours(1)), (stillHalted!.Status, stillHalted.UpdatedUtc));
        Assert.Null(await ledger.ChangeStatusAsync("no-such-instance", [LiveInstanceStatus.Active], LiveInstanceStatus.Paused, Start, Cancel));
    }

    [Fact]
    public async Task The_latest_events_of_a_kind_come_newest_first()
    {
        var (ledger, dataSource) = await OpenAsync();
        await using var _ = dataSource;
        for (var minute = 0; minute < 3; minute++)
        {
            await ledger.AppendEventAsync(new LedgerEvent(InstanceId, LedgerEventKind.Heartbeat, "alive", null, Start.AddMinutes(minute)), Cancel);
            await ledger.AppendEventAsync(new LedgerEvent(InstanceId, LedgerEventKind.Breach, $"breach {minute}", """{"limit": "max_trade_size_usd"}""", Start.AddMinutes(minute)), Cancel);
        }

        var breaches = await ledger.LatestEventsAsync(InstanceId, LedgerEventKind.Breach, 2, Cancel);
        var heartbeat = await ledger.LatestEventsAsync(InstanceId, LedgerEventKind.Heartbeat, 1, Cancel);

        Assert.Equal(["breach 2", "breach 1"], breaches.Select(b => b.Message));
        Assert.Equal(Start.AddMinutes(2), Assert.Single(heartbeat).OccurredUtc);
        Assert.Empty(await ledger.LatestEventsAsync(InstanceId, LedgerEventKind.Alert, 5, Cancel));
    }

    [Fact]
    public async Task All_equity_reads_oldest_first()
    {
        var (ledger, dataSource) = await OpenAsync();
        await using var _ = dataSource;
        await ledger.SaveEquityAsync(new LedgerEquity(InstanceId, Start.AddHours(2), 10_010m, "{}"), Cancel);
        await ledger.SaveEquityAsync(new LedgerEquity(InstanceId, Start.AddHours(1), 10_000m, "{}"), Cancel);

        Assert.Equal([10_000m, 10_010m], (await ledger.ListEquityAsync(InstanceId, Cancel)).Select(e => e.Equity));
    }

    private async Task<(PostgresLiveLedger Ledger, NpgsqlDataSource DataSource)> OpenAsync()
    {
        var dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        var ledger = await PostgresLiveLedger.OpenAsync(dataSource, Cancel);
        await ledger.SaveInstanceAsync(Instance(), Cancel);
        return (ledger, dataSource);
    }
}
