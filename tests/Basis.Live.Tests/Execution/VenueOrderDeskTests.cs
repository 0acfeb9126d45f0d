using Basis.Configuration.Binding;
using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.ExchangeSimulator.Faults;
using Basis.Live.Execution;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Live.Tests.Reconciliation;
using Basis.Testing;
using Basis.Venues.Exchanges;
using Npgsql;
using static Basis.Live.Tests.Ledger.LedgerSamples;

namespace Basis.Live.Tests.Execution;

/// <summary>
/// The real desk sending a ledger's outbox to Binance, Bybit and OKX on the exchange simulator through our real
/// clients, with the ledger in a real PostgreSQL: orders written ahead are placed once, even when a crash cut the last
/// send short; their fills make a ledger that reconciles clean; a venue that does not answer or refuses stops the send.
/// </summary>
public sealed class VenueOrderDeskTests(PostgresServer server) : IAsyncLifetime
{
    private static readonly Reconciler Reconciler = new(ReconcileTolerances.Load(Repository.ConfigsDirectory));
    private static readonly VenueSettings Venues = BasisConfiguration.Load(Repository.ConfigsDirectory).Venues;
    private SimulatedVenues _venues = null!;
    private NpgsqlDataSource _dataSource = null!;
    private PostgresLiveLedger _ledger = null!;
    private VenueOrderDesk _desk = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _venues = await SimulatedVenues.StartAsync(Repository.Root, Cancel);
        _dataSource = NpgsqlDataSource.Create(await server.CreateDatabaseAsync());
        _ledger = await PostgresLiveLedger.OpenAsync(_dataSource, Cancel);
        await _ledger.SaveInstanceAsync(Instance() with { Venues = ["binance", "bybit", "okx"] }, Cancel);
        foreach (var venue in _venues.Clients.Keys)
        {
            // The operator's funding of each venue, as the ledger records it.
            await _ledger.AppendTransferAsync(new LedgerTransfer(InstanceId, $"deposit-{venue}", "USDT", SimulatedVenues.StartingUsdt, 0m, null, ExchangeReader.LocationOf(venue), Start), Cancel);
        }

        _desk = new VenueOrderDesk(_ledger, new Clients(_venues), TakerFee, TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        await _venues.DisposeAsync();
        await _dataSource.DisposeAsync();
    }

    [Fact]
    public async Task Orders_written_ahead_are_placed_filled_and_reconcile_clean()
    {
        await WriteAheadAsync(Order(ExchangeVenue.Binance, "ETH", OrderSide.Sell, 1.2m, "a"), Order(ExchangeVenue.Okx, "ETH", OrderSide.Sell, 0.8m, "b"), Order(ExchangeVenue.Bybit, "BTC", OrderSide.Sell, 0.05m, "c"));

        var sent = await _desk.SendAsync(InstanceId, Cancel);

        Assert.Equal(new SendOutcome(3, 3, null), sent);
        Assert.Empty(await _ledger.ListOpenOrdersAsync(InstanceId, Cancel));
        var fills = (await _ledger.ListFillsAsync(InstanceId, new LedgerPageRequest(10, null), Cancel)).Items;
        Assert.Equal(["binance ETHUSDT Sell 1.2", "okx ETH-USDT-SWAP Sell 0.8", "bybit BTCUSDT Sell 0.05"], fills.Select(f => $"{f.Venue} {f.Symbol} {f.Side} {f.Quantity:0.####}"));

        // Binance's perp taker fee is 5 bps of the filled notional (configs/venues/binance.yaml), as the venue charged it.
        var binance = fills[0];
        Assert.Equal(binance.Quantity * binance.Price * 0.0005m, binance.Fee);
        var report = await Reconciler.ReconcileAsync(await _ledger.RebuildPositionsAsync(InstanceId, Cancel), _venues.Readers, Cancel);
        Assert.True(report.IsClean, string.Join("; ", report.Breaks.Select(l => $"{l.Location} {l.Item} {l.Expected} {l.Actual}")));
    }

    [Fact]
    public async Task An_order_the_venue_took_before_a_crash_is_not_placed_again()
    {
        var order = Order(ExchangeVenue.Bybit, "ETH", OrderSide.Sell, 0.5m, "crash");
        await WriteAheadAsync(order);

        // The send that a crash cut short: the venue took the order, the ledger never heard of it.
        await _venues.Clients[ExchangeVenue.Bybit].PlaceOrderAsync(OrderRequest.Market(TradingAccount.Futures, order.Symbol, OrderSide.Sell, 0.5m, order.ClientOrderId), Cancel);
        var sent = await _desk.SendAsync(InstanceId, Cancel);
        var again = await _desk.SendAsync(InstanceId, Cancel);

        Assert.Equal(new SendOutcome(1, 1, null), sent);
        Assert.Equal(new SendOutcome(0, 0, null), again);
        var book = _venues.Book(ExchangeVenue.Bybit);
        lock (book.Sync)
        {
            Assert.Single(book.Accounts.Values.Single().Orders, o => o.ClientOrderId == order.ClientOrderId);
        }

        var position = Assert.Single(await _venues.Clients[ExchangeVenue.Bybit].GetPositionsAsync(Cancel));
        Assert.Equal(-0.5m, position.Quantity);
        Assert.Single((await _ledger.ListFillsAsync(InstanceId, new LedgerPageRequest(10, null), Cancel)).Items);
    }

    [Fact]
    public async Task A_venue_that_does_not_answer_stops_the_send_and_its_order_waits_for_the_next()
    {
        await WriteAheadAsync(Order(ExchangeVenue.Okx, "ETH", OrderSide.Sell, 0.3m, "first"), Order(ExchangeVenue.Binance, "ETH", OrderSide.Buy, 0.3m, "second"));
        _venues.Hosts[ExchangeVenue.Okx].Faults.Set(new FaultSettings { ServerErrorNext = 100 });

        var failed = await _desk.SendAsync(InstanceId, Cancel);

        Assert.Equal(0, failed.Sent);
        Assert.Contains("okx order", failed.Failure, StringComparison.Ordinal);
        Assert.Contains("did not answer", failed.Failure, StringComparison.Ordinal);
        // The Binance leg waits behind the OKX one: a hedge's legs are not sent out of order.
        Assert.Equal(2, (await _ledger.ListOpenOrdersAsync(InstanceId, Cancel)).Count);
        Assert.Empty(await _venues.Clients[ExchangeVenue.Binance].GetPositionsAsync(Cancel));

        _venues.Hosts[ExchangeVenue.Okx].Faults.Set(new FaultSettings());
        var resumed = await _desk.SendAsync(InstanceId, Cancel);

        Assert.Equal(new SendOutcome(2, 2, null), resumed);
        Assert.Equal(-0.3m, Assert.Single(await _venues.Clients[ExchangeVenue.Okx].GetPositionsAsync(Cancel)).Quantity);
    }

    [Fact]
    public async Task An_order_the_venue_refuses_is_recorded_rejected_with_its_reason()
    {
        // 1,000 BTC short is millions of USDT of margin against the 10,000 USDT deposited.
        var order = Order(ExchangeVenue.Binance, "BTC", OrderSide.Sell, 1_000m, "too-big");
        await WriteAheadAsync(order);

        var refused = await _desk.SendAsync(InstanceId, Cancel);

        Assert.Contains("refused", refused.Failure, StringComparison.Ordinal);
        Assert.Empty(await _ledger.ListOpenOrdersAsync(InstanceId, Cancel));
        var recorded = Assert.Single((await _ledger.ListOrdersAsync(InstanceId, new LedgerPageRequest(10, null), Cancel)).Items);
        Assert.Equal(OrderStatus.Rejected, recorded.Status);
        Assert.NotNull(recorded.Reason);
    }

    [Fact]
    public async Task Spot_orders_trade_on_the_spot_market_pay_the_fee_in_what_they_bring_in_and_reconcile_clean()
    {
        // Bybit and OKX trade spot from the same unified wallet as their perps, funded with the 10,000 USDT above.
        await WriteAheadAsync(
            Order(ExchangeVenue.Bybit, "ETH", OrderSide.Buy, 0.5m, "spot-buy") with { Symbol = VenueSymbols.Spot(ExchangeVenue.Bybit, "ETH"), Market = MarketType.Spot },
            Order(ExchangeVenue.Okx, "ETH", OrderSide.Buy, 0.4m, "okx-buy") with { Symbol = VenueSymbols.Spot(ExchangeVenue.Okx, "ETH"), Market = MarketType.Spot },
            Order(ExchangeVenue.Bybit, "ETH", OrderSide.Sell, 0.2m, "spot-sell") with { Symbol = VenueSymbols.Spot(ExchangeVenue.Bybit, "ETH"), Market = MarketType.Spot });

        var sent = await _desk.SendAsync(InstanceId, Cancel);

        Assert.Equal(new SendOutcome(3, 3, null), sent);
        var fills = (await _ledger.ListFillsAsync(InstanceId, new LedgerPageRequest(10, null), Cancel)).Items;
        Assert.Equal(["bybit ETHUSDT Spot Buy 0.5", "okx ETH-USDT Spot Buy 0.4", "bybit ETHUSDT Spot Sell 0.2"], fills.Select(f => $"{f.Venue} {f.Symbol} {f.Market} {f.Side} {f.Quantity:0.####}"));

        // Spot's taker fee is 10 bps (configs/venues): a buy pays it in the coin bought, a sale in the USDT it brings.
        Assert.Equal((0.0005m, "ETH"), (fills[0].Fee, fills[0].FeeAsset));
        Assert.Equal((0.2m * fills[2].Price * 0.001m, "USDT"), (fills[2].Fee, fills[2].FeeAsset));
        var positions = await _ledger.RebuildPositionsAsync(InstanceId, Cancel);
        Assert.Equal(0.2995m, positions.Balances.Single(b => b is { Location: "bybit", Asset: "ETH" }).Amount);
        var report = await Reconciler.ReconcileAsync(positions, _venues.Readers, Cancel);
        Assert.True(report.IsClean, string.Join("; ", report.Breaks.Select(l => $"{l.Location} {l.Item} {l.Expected} {l.Actual}")));
        Assert.Contains(report.Lines, l => l is { Location: "okx", Item: "ETH", Actual: 0.3996m });
    }

    [Fact]
    public async Task A_binance_spot_buy_is_funded_from_the_futures_account_and_what_spot_trades_leave_goes_back()
    {
        // Binance keeps spot apart from USDⓈ-M futures, where the 10,000 USDT above is: the buy's cost at the mark (and
        // 1 %) moves to spot first; the change, and later the sale's proceeds, go back to futures.
        var spotBtc = VenueSymbols.Spot(ExchangeVenue.Binance, "BTC");
        await WriteAheadAsync(
            Order(ExchangeVenue.Binance, "BTC", OrderSide.Buy, 0.02m, "btc-buy") with { Symbol = spotBtc, Market = MarketType.Spot },
            Order(ExchangeVenue.Binance, "BTC", OrderSide.Sell, 0.005m, "btc-sell") with { Symbol = spotBtc, Market = MarketType.Spot });

        var sent = await _desk.SendAsync(InstanceId, Cancel);

        Assert.Equal(new SendOutcome(2, 2, null), sent);
        var binance = _venues.Clients[ExchangeVenue.Binance];
        var spot = await binance.GetBalancesAsync(TradingAccount.Spot, Cancel);
        Assert.Equal(0m, spot.FirstOrDefault(b => b.Asset == "USDT")?.Total ?? 0m);
        // 0.02 bought less its 10 bps fee in BTC, 0.005 sold.
        Assert.Equal(0.01498m, spot.Single(b => b.Asset == "BTC").Total);
        var fills = (await _ledger.ListFillsAsync(InstanceId, new LedgerPageRequest(10, null), Cancel)).Items;
        var futures = (await binance.GetBalancesAsync(TradingAccount.Futures, Cancel)).Single(b => b.Asset == "USDT").Total;
        Assert.Equal(SimulatedVenues.StartingUsdt - (0.02m * fills[0].Price) + (0.005m * fills[1].Price) - fills[1].Fee, futures);
        var report = await Reconciler.ReconcileAsync(await _ledger.RebuildPositionsAsync(InstanceId, Cancel), _venues.Readers, Cancel);
        Assert.True(report.IsClean, string.Join("; ", report.Breaks.Select(l => $"{l.Location} {l.Item} {l.Expected} {l.Actual}")));
    }

    /// <summary>The venue's taker fee of <c>configs/venues</c> for the market, as the hosts read it.</summary>
    private static decimal TakerFee(ExchangeVenue venue, MarketType market)
    {
        var exchange = Venues.Exchange(Enum.Parse<Venue>(venue.ToString()));
        return (decimal)(market == MarketType.Spot ? exchange.SpotFees : exchange.PerpFees).TakerBps / 10_000m;
    }

    private static LedgerOrder Order(ExchangeVenue venue, string asset, OrderSide side, decimal quantity, string key) => new(
        InstanceId, ExchangeReader.LocationOf(venue), ClientOrderIds.Derive($"{InstanceId}/{key}"), VenueSymbols.Perp(venue, asset), side, OrderType.Market,
        quantity, null, null, OrderStatus.New, "test", Start, Start);

    private Task WriteAheadAsync(params LedgerOrder[] orders) =>
        _ledger.RecordHourAsync([], [], new LedgerEquity(InstanceId, Start, 10_000m, "{}"), orders, cancellationToken: Cancel);

    private sealed class Clients(SimulatedVenues venues) : IExchangeClients
    {
        public IPerpExchange ClientOf(ExchangeVenue venue) => venues.Clients[venue];
    }
}
