using Basis.ExchangeSimulator.Faults;
using Basis.Live.Execution;
using Basis.Live.Ledger;
using Basis.Live.Safety;
using Basis.Live.Tests.Reconciliation;
using Basis.Orchestrations.Live;
using Basis.Orchestrations.Tests.Support;
using Basis.Testing;
using Basis.Venues.Exchanges;

namespace Basis.Orchestrations.Tests.Live;

/// <summary>
/// A real instance's cycle in <see cref="LiveRuntime"/>, on the exchange simulator through our real clients and a real
/// PostgreSQL ledger: the execution gate holds it, the real desk refuses an hour it cannot send whole, and orders a
/// venue does not take trip the circuit breaker.
/// </summary>
public sealed class LiveRealCycleTests(PostgresServer server) : IClassFixture<PostgresServer>, IAsyncLifetime
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly LiveTradingSettings Real = LiveTradingSettings.Default with { Enabled = true, ReadOnly = false, MaxTradeSizeUsd = 1_000_000m };

    // The credentials the execution gate asks for; the simulator's clients carry their own.
    private static readonly Dictionary<string, string> Environment = new()
    {
        ["BASIS_ENVIRONMENT"] = "dev",
        ["BASIS_DEV__CEX__BINANCE_SPOT_API_KEY"] = "k", ["BASIS_DEV__CEX__BINANCE_SPOT_API_SECRET"] = "s",
        ["BASIS_DEV__CEX__BINANCE_FUTURES_API_KEY"] = "k", ["BASIS_DEV__CEX__BINANCE_FUTURES_API_SECRET"] = "s",
        ["BASIS_DEV__CEX__BYBIT_API_KEY"] = "k", ["BASIS_DEV__CEX__BYBIT_API_SECRET"] = "s",
        ["BASIS_DEV__CEX__OKX_API_KEY"] = "k", ["BASIS_DEV__CEX__OKX_API_SECRET"] = "s", ["BASIS_DEV__CEX__OKX_API_PASSPHRASE"] = "p",
    };

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

    [Fact]
    public async Task The_execution_gate_holds_a_real_instance_while_live_trading_is_off_or_read_only()
    {
        var ledger = await _bed!.Source.OpenAsync(Cancel);
        await ledger.SaveInstanceAsync(Instance("gated"), Cancel);

        var off = await Runtime(Real with { Enabled = false }).BeatAndCycleAsync("gated");
        var watching = await Runtime(Real with { ReadOnly = true }).BeatAndCycleAsync("gated");

        Assert.Equal((false, "real execution is not allowed now, so the instance is held: BASIS_LIVE_TRADING__ENABLED is not true: live trading is switched off."), (off.Ran, off.Detail));
        Assert.Equal((false, "real execution is not allowed now, so the instance is held: BASIS_LIVE_TRADING__READ_ONLY is not false: live trading may only watch."), (watching.Ran, watching.Detail));
        Assert.Null(await ledger.GetCheckpointAsync("gated", Cancel));
        Assert.Empty((await ledger.ListOrdersAsync("gated", new LedgerPageRequest(10, null), Cancel)).Items);
        Assert.Equal(2, (await ledger.LatestEventsAsync("gated", LedgerEventKind.Alert, 5, Cancel)).Count);
    }

    [Fact]
    public async Task An_hour_the_real_desk_cannot_send_whole_halts_the_instance_before_it_and_sends_nothing()
    {
        // eth_basis enters with a Bybit spot buy (sendable) and USDT moved from the wallet to the venues, which this instance
        // cannot send: it does not trade on the chain. The whole hour is refused, its spot buy and perp shorts with it.
        var ledger = await _bed!.Source.OpenAsync(Cancel);
        await ledger.SaveInstanceAsync(Instance("basis"), Cancel);

        var result = await Runtime(Real).BeatAndCycleAsync("basis");

        Assert.False(result.Ran);
        Assert.StartsWith("the real desk cannot send the hour of 2025-01-01T00:00Z: it needs a TokenTransfer (", result.Detail, StringComparison.Ordinal);
        Assert.EndsWith("; the instance is halted before that hour until an operator acknowledges it", result.Detail, StringComparison.Ordinal);
        Assert.Equal(LiveInstanceStatus.Halted, (await ledger.GetInstanceAsync("basis", Cancel))!.Status);
        Assert.Equal(result.Detail, Assert.Single(await ledger.LatestEventsAsync("basis", LedgerEventKind.Breach, 5, Cancel)).Message);

        // Nothing of that hour is recorded, and the checkpoint waits before it.
        Assert.Equal(Created, (await ledger.GetCheckpointAsync("basis", Cancel))!.NextHourUtc);
        Assert.Empty(await ledger.ListEquityAsync("basis", Cancel));
        Assert.Empty((await ledger.ListOrdersAsync("basis", new LedgerPageRequest(10, null), Cancel)).Items);
        foreach (var client in _bed!.Venues.Clients.Values)
        {
            Assert.Empty(await client.GetPositionsAsync(Cancel));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_order_left_in_the_outbox_that_a_venue_does_not_take_trips_the_circuit_breaker(bool breaker)
    {
        var ledger = await _bed!.Source.OpenAsync(Cancel);
        var id = $"outbox-{breaker}";
        await ledger.SaveInstanceAsync(Instance(id), Cancel);
        var order = new LedgerOrder(id, "okx", ClientOrderIds.Derive($"{id}/left"), "ETH-USDT-SWAP", OrderSide.Sell, OrderType.Market, 0.2m, null, null, OrderStatus.New, "hedge", Created, Created);
        await ledger.RecordHourAsync([], [], new LedgerEquity(id, Created, 100_000m, "{}"), [order], cancellationToken: Cancel);
        _bed!.Venues.Hosts[ExchangeVenue.Okx].Faults.Set(new FaultSettings { ServerErrorNext = 100 });

        var result = await Runtime(Real with { CircuitBreakerEnabled = breaker }).BeatAndCycleAsync(id);

        var sentence = $"okx order {order.ClientOrderId} (Sell 0.2 ETH-USDT-SWAP) could not be sent (the venue did not answer through the client's retries): ";
        Assert.StartsWith(breaker ? $"circuit breaker: {sentence}" : sentence, result.Detail, StringComparison.Ordinal);
        Assert.Equal(breaker ? LiveInstanceStatus.Halted : LiveInstanceStatus.Active, (await ledger.GetInstanceAsync(id, Cancel))!.Status);
        Assert.Single(await ledger.LatestEventsAsync(id, breaker ? LedgerEventKind.Breach : LedgerEventKind.Alert, 5, Cancel));
        Assert.Null(await ledger.GetCheckpointAsync(id, Cancel));
        Assert.Single(await ledger.ListOpenOrdersAsync(id, Cancel));
    }

    private static LiveInstance Instance(string id) =>
        new(id, id, "eth_basis", "usdt", 20_000m, ["binance", "bybit", "okx"], "{}", ExecutionKind.Real, LiveInstanceStatus.Active, Created, Created);

    private RealRuntime Runtime(LiveTradingSettings settings)
    {
        var workspace = SampleWorkspace.Create();
        var real = new RealExecution(new SimulatorClients(_bed!.Venues), OrderRules.Load(Repository.Path("configs")), name => Environment.GetValueOrDefault(name));
        return new RealRuntime(new LiveRuntime(_bed!.Source, workspace, settings, TimeProvider.System, real: real));
    }

    /// <summary>The runtime, beating before each cycle so the heartbeat never holds the instance.</summary>
    private sealed class RealRuntime(LiveRuntime runtime)
    {
        public async Task<LiveCycleResult> BeatAndCycleAsync(string id)
        {
            await runtime.BeatAsync(Cancel);
            return await runtime.RunCycleAsync(id, Created, Cancel);
        }
    }

    private sealed class SimulatorClients(SimulatedVenues venues) : IExchangeClients
    {
        public IPerpExchange ClientOf(ExchangeVenue venue) => venues.Clients[venue];
    }
}
