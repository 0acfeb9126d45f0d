using Basis.ExchangeSimulator.Faults;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Venues.Exchanges;
using static Basis.Live.Reconciliation.ReconciliationStatus;

namespace Basis.Live.Tests.Reconciliation;

/// <summary>
/// The reconciler against the three venues on the exchange simulator, read through our real clients: a ledger built
/// from the very fills the venues reported reconciles clean; funds moved behind its back, and venues that do not
/// answer, show in the report.
/// </summary>
public sealed class ExchangeReconciliationTests : IAsyncLifetime
{
    private const string Instance = "reconcile-test";

    private static readonly Reconciler Reconciler = new(ReconcileTolerances.Load(Repository.ConfigsDirectory));

    private readonly List<LedgerFill> _fills = [];
    private readonly List<LedgerTransfer> _transfers = [];
    private SimulatedVenues _venues = null!;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _venues = await SimulatedVenues.StartAsync(Repository.Root, Token);
        foreach (var venue in _venues.Clients.Keys)
        {
            _transfers.Add(new LedgerTransfer(Instance, $"deposit-{venue}", "USDT", SimulatedVenues.StartingUsdt, 0m, null, ExchangeReader.LocationOf(venue), DateTimeOffset.UnixEpoch));
        }

        // A basis book: long BTC on Binance against short BTC on OKX, short ETH on Bybit; an hour later part of it is
        // closed at the new marks, realising P&L.
        await TradeAsync(ExchangeVenue.Binance, "BTC", OrderSide.Buy, 0.03m);
        await TradeAsync(ExchangeVenue.Okx, "BTC", OrderSide.Sell, 0.03m);
        await TradeAsync(ExchangeVenue.Bybit, "ETH", OrderSide.Sell, 0.5m);
        await _venues.AdvanceClockAsync(1, Token);
        await TradeAsync(ExchangeVenue.Binance, "BTC", OrderSide.Sell, 0.01m);
        await TradeAsync(ExchangeVenue.Okx, "BTC", OrderSide.Buy, 0.01m);
        await TradeAsync(ExchangeVenue.Bybit, "ETH", OrderSide.Buy, 0.1m);
    }

    public async ValueTask DisposeAsync() => await _venues.DisposeAsync();

    [Fact]
    public async Task A_ledger_of_the_venues_own_fills_reconciles_clean()
    {
        var report = await Reconciler.ReconcileAsync(Ledger(), _venues.Readers, Token);

        Assert.True(report.IsClean, Describe(report));
        Assert.Equal(
            [
                ("binance", HoldingKind.Balance, "USDT"), ("binance", HoldingKind.Perp, "BTCUSDT"),
                ("bybit", HoldingKind.Balance, "USDT"), ("bybit", HoldingKind.Perp, "ETHUSDT"),
                ("okx", HoldingKind.Balance, "USDT"), ("okx", HoldingKind.Perp, "BTC-USDT-SWAP"),
            ],
            report.Lines.Select(l => (l.Location, l.Kind, l.Item)));
        Assert.Equal([0.02m, -0.4m, -0.02m], report.Lines.Where(l => l.Kind == HoldingKind.Perp).Select(l => l.Actual!.Value));
        // Fees and the hour's P&L moved every balance, and the ledger followed them exactly.
        Assert.All(report.Lines, l => Assert.Equal(0m, l.Difference));
        Assert.All(report.Lines.Where(l => l.Kind == HoldingKind.Balance), l => Assert.NotEqual(SimulatedVenues.StartingUsdt, l.Actual));
    }

    [Fact]
    public async Task Funds_moved_behind_the_ledgers_back_are_reported()
    {
        // Out of Bybit's trading account (as a withdrawal would take it), an ETH perp opened on Binance and more BTC
        // sold on OKX, none of it recorded.
        await _venues.Clients[ExchangeVenue.Bybit].TransferAsync("USDT", 1_000m, TransferDirection.FuturesToSpot, Token);
        await _venues.Clients[ExchangeVenue.Binance].PlaceOrderAsync(
            OrderRequest.Market(TradingAccount.Futures, "ETHUSDT", OrderSide.Buy, 0.05m, "behindTheBack1"), Token);
        await _venues.Clients[ExchangeVenue.Okx].PlaceOrderAsync(
            OrderRequest.Market(TradingAccount.Futures, "BTC-USDT-SWAP", OrderSide.Sell, 0.01m, "behindTheBack2"), Token);

        var report = await Reconciler.ReconcileAsync(Ledger(), _venues.Readers, Token);

        Assert.False(report.IsClean);
        Assert.Equal(
            [
                ("binance", "ETHUSDT", 0.05m, Undeclared),
                ("bybit", "USDT", -1_000m, Mismatched),
                ("okx", "BTC-USDT-SWAP", -0.01m, Mismatched),
            ],
            report.Breaks.Select(l => (l.Location, l.Item, l.Difference!.Value, l.Status)));
        // The undeclared order's fee (0.05 × ~3,400 × 0.05 %) is within Binance's USDT tolerance.
        Assert.Equal(Matched, report.Lines.Single(l => l.Location == "binance" && l.Item == "USDT").Status);
    }

    [Fact]
    public async Task Venues_that_drop_the_connection_or_answer_5xx_are_unreadable_and_the_others_still_read()
    {
        _venues.Hosts[ExchangeVenue.Bybit].Faults.Set(new FaultSettings { DropNext = 100 });
        _venues.Hosts[ExchangeVenue.Okx].Faults.Set(new FaultSettings { ServerErrorNext = 100 });

        var report = await Reconciler.ReconcileAsync(Ledger(), _venues.Readers, Token);

        Assert.Equal(
            [
                ("binance", Matched, (ExchangeErrorKind?)null),
                ("binance", Matched, null),
                ("bybit", Unreadable, ExchangeErrorKind.ExchangeUnavailable),
                ("bybit", Unreadable, ExchangeErrorKind.ExchangeUnavailable),
                ("okx", Unreadable, ExchangeErrorKind.ExchangeUnavailable),
                ("okx", Unreadable, ExchangeErrorKind.ExchangeUnavailable),
            ],
            report.Lines.Select(l => (l.Location, l.Status, l.Failure?.Kind)));
        Assert.Contains("503", report.Lines[^1].Failure!.Message, StringComparison.Ordinal);
    }

    private LedgerPositions Ledger() => LedgerPositions.Rebuild(_fills, [], _transfers);

    /// <summary>Places a market order through our client and records its fill as the desk would, fee at the venue's taker rate.</summary>
    private async Task TradeAsync(ExchangeVenue venue, string asset, OrderSide side, decimal quantity)
    {
        var id = $"basis{_fills.Count + 1}";
        var symbol = SimulatedVenues.Symbol(venue, asset);
        var order = await _venues.Clients[venue].PlaceOrderAsync(OrderRequest.Market(TradingAccount.Futures, symbol, side, quantity, id), Token);
        var price = order.AverageFillPrice!.Value;
        var book = _venues.Book(venue);
        decimal fee;
        lock (book.Sync)
        {
            fee = order.FilledQuantity * price * book.Terms.TakerFee;
        }

        _fills.Add(new LedgerFill(
            Instance, ExchangeReader.LocationOf(venue), $"{venue}-{id}", id, symbol, MarketType.Perp, asset, "USDT", side,
            order.FilledQuantity, price, fee, "USDT", DateTimeOffset.UtcNow));
    }

    private static string Describe(ReconciliationReport report) =>
        string.Join(Environment.NewLine, report.Lines.Select(l => $"{l.Location} {l.Item}: expected {l.Expected}, actual {l.Actual}, {l.Status} {l.Failure?.Message}"));
}
