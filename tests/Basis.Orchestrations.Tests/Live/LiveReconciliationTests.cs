using System.Text.Json;
using Basis.ExchangeSimulator.Faults;
using Basis.Data.Stores;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Live.Safety;
using Basis.Live.Tests.Reconciliation;
using Basis.Orchestrations.Live;
using Basis.Orchestrations.Tests.Support;
using Basis.Testing;
using Basis.Venues.Exchanges;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Basis.Orchestrations.Tests.Live;

/// <summary>
/// <see cref="LiveRuntime.ReconcileAsync"/> on a real instance whose venues are Binance and Bybit on the exchange
/// simulator, read through our real clients, with its ledger in a real PostgreSQL. Each venue starts with 10,000 USDT,
/// which the ledger records as the instance's deposits; then funds are moved behind the ledger's back.
/// </summary>
public sealed class LiveReconciliationTests(PostgresServer server) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private LedgerWithVenues? _bed;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _bed = await LedgerWithVenues.StartAsync(server, Cancel);

    public async ValueTask DisposeAsync()
    {
        if (_bed is not null)
        {
            await _bed.DisposeAsync();
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Funds_moved_behind_the_ledgers_back_trip_the_circuit_breaker(bool breaker)
    {
        var runtime = Runtime(LiveTradingSettings.Default with { CircuitBreakerEnabled = breaker });
        var ledger = await _bed!.Source.OpenAsync(Cancel);
        var id = $"real-{breaker}";
        await SaveFundedInstanceAsync(ledger, id);

        // The venues hold what the ledger says: recorded as reconciled, the instance trades on.
        var clean = await runtime.ReconcileAsync(id, Cancel);
        Assert.Equal((true, "reconciled: the venues hold what the ledger says (2 holding(s) within tolerance)"), (clean.Ran, clean.Detail));
        Assert.Single(await ledger.LatestEventsAsync(id, LedgerEventKind.Reconciled, 5, Cancel));

        // 2,000 USDT leave Bybit's trading account without the ledger knowing.
        await _bed!.Venues.Clients[ExchangeVenue.Bybit].TransferAsync("USDT", 2_000m, TransferDirection.FuturesToSpot, Cancel);
        var drift = await runtime.ReconcileAsync(id, Cancel);

        var status = (await ledger.GetInstanceAsync(id, Cancel))!.Status;
        var kind = breaker ? LedgerEventKind.Breach : LedgerEventKind.Alert;
        var recorded = Assert.Single(await ledger.LatestEventsAsync(id, kind, 5, Cancel));
        const string Differs = "reconciliation: 1 holding(s) differ from the ledger: bybit USDT mismatched: ledger 10000, venue 8000";
        Assert.Equal(breaker ? $"circuit breaker: {Differs}; the instance is halted until an operator acknowledges it" : Differs, drift.Detail);
        Assert.Equal(drift.Detail, recorded.Message);
        Assert.Equal(breaker ? LiveInstanceStatus.Halted : LiveInstanceStatus.Active, status);

        // The details list every holding compared, the matched ones too.
        Assert.Equal(["binance USDT matched", "bybit USDT mismatched"], Lines(recorded));
    }

    [Fact]
    public async Task A_venue_outage_halts_the_instance_naming_the_venue_and_its_error()
    {
        // Bybit answers every request with a 503 (the simulator's fault injection); Binance still answers.
        var runtime = Runtime(LiveTradingSettings.Default);
        var ledger = await _bed!.Source.OpenAsync(Cancel);
        await SaveFundedInstanceAsync(ledger, "outage");
        _bed!.Venues.Hosts[ExchangeVenue.Bybit].Faults.Set(new FaultSettings { ServerErrorNext = 100 });

        var result = await runtime.ReconcileAsync("outage", Cancel);

        Assert.StartsWith("circuit breaker: reconciliation: 1 holding(s) differ from the ledger: bybit unreadable (", result.Detail, StringComparison.Ordinal);
        Assert.Equal(LiveInstanceStatus.Halted, (await ledger.GetInstanceAsync("outage", Cancel))!.Status);
        Assert.Equal(["binance USDT matched", "bybit USDT unreadable"], Lines(Assert.Single(await ledger.LatestEventsAsync("outage", LedgerEventKind.Breach, 5, Cancel))));
    }

    [Fact]
    public async Task A_venue_the_host_cannot_read_is_a_break_and_a_paper_instance_has_nothing_to_reconcile()
    {
        var runtime = Runtime(LiveTradingSettings.Default);
        var ledger = await _bed!.Source.OpenAsync(Cancel);
        await SaveFundedInstanceAsync(ledger, "with-okx", venues: ["binance", "bybit", "okx"]);
        await ledger.SaveInstanceAsync(Instance("paper", ["binance"]) with { ExecutionKind = ExecutionKind.Paper }, Cancel);

        var unread = await runtime.ReconcileAsync("with-okx", Cancel);
        var paper = await runtime.ReconcileAsync("paper", Cancel);

        Assert.Equal(
            "circuit breaker: reconciliation: 1 holding(s) differ from the ledger: okx unreadable (no reader in this test); the instance is halted until an operator acknowledges it",
            unread.Detail);
        Assert.Equal((false, "a paper instance holds nothing at the venues: nothing to reconcile"), (paper.Ran, paper.Detail));
        Assert.Equal(["with-okx"], await runtime.InstancesToReconcileAsync(Cancel));
    }

    [Fact]
    public async Task A_reconciliation_runs_in_the_instances_cycle_orchestration()
    {
        var ledger = await _bed!.Source.OpenAsync(Cancel);
        await SaveFundedInstanceAsync(ledger, "durable");
        await using var pipeline = await Pipeline.StartAsync(new MemoryResultStore(), services: services => services
            .AddSingleton(_bed!.Source)
            .AddSingleton(LiveTradingSettings.Default)
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Reconciliation())
            .AddSingleton<LiveRuntime>());

        var id = await pipeline.Client.ScheduleNewOrchestrationInstanceAsync(
            LiveCycleOrchestrator.Name, new LiveCycleInput("durable", Created, LiveWork.Reconcile), new StartOrchestrationOptions("live-durable"), Cancel);
        var done = await pipeline.WaitAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.StartsWith("reconciled: ", done.ReadOutputAs<LiveCycleResult>()!.Detail, StringComparison.Ordinal);
        Assert.Null(await ledger.GetCheckpointAsync("durable", Cancel));
    }

    /// <summary>The reconciliation lines an event's details list, as "location item status".</summary>
    private static List<string> Lines(LedgerEvent recorded)
    {
        using var details = JsonDocument.Parse(recorded.DetailsJson!);
        return [.. details.RootElement.EnumerateArray().Select(l => $"{l.GetProperty("location").GetString()} {l.GetProperty("item").GetString()} {l.GetProperty("status").GetString()}")];
    }

    private LiveReconciliation Reconciliation() =>
        new(new Reconciler(ReconcileTolerances.Load(Repository.Path("configs"))), new SimulatorReaders(_bed!.Venues));

    private LiveRuntime Runtime(LiveTradingSettings settings)
    {
        var workspace = SampleWorkspace.Create();
        return new LiveRuntime(_bed!.Source, workspace, settings, TimeProvider.System, Reconciliation());
    }

    /// <summary>A real instance on <paramref name="venues"/> whose ledger has each simulated exchange's starting USDT deposited.</summary>
    private static async Task SaveFundedInstanceAsync(PostgresLiveLedger ledger, string id, IReadOnlyList<string>? venues = null)
    {
        venues ??= ["binance", "bybit"];
        await ledger.SaveInstanceAsync(Instance(id, venues), Cancel);
        foreach (var venue in venues.Where(v => v != "okx"))
        {
            await ledger.AppendTransferAsync(new LedgerTransfer(id, $"deposit-{id}-{venue}", "USDT", SimulatedVenues.StartingUsdt, 0m, null, venue, Created), Cancel);
        }
    }

    private static LiveInstance Instance(string id, IReadOnlyList<string> venues) =>
        new(id, id, "eth_basis", "usdt", 20_000m, venues, "{}", ExecutionKind.Real, LiveInstanceStatus.Active, Created, Created);

    /// <summary>Binance and Bybit through our clients on the simulator; OKX is left unread on purpose.</summary>
    private sealed class SimulatorReaders(SimulatedVenues venues) : IVenueReaders
    {
        public IReadOnlyDictionary<string, ILocationReader> ReadersOf(LiveInstance instance) => instance.Venues.ToDictionary(
            venue => venue,
            venue => venue == "okx" ? new UnreadableLocation(venue, "no reader in this test") : (ILocationReader)new ExchangeReader(venues.Clients[Enum.Parse<ExchangeVenue>(venue, ignoreCase: true)]));
    }
}
