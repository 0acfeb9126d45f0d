using System.Diagnostics;
using Basis.ExchangeSimulator.Faults;
using Basis.Venues.Exchanges;
using SimStatus = Basis.ExchangeSimulator.Accounting.OrderStatus;

namespace Basis.Venues.Tests.Simulator;

public sealed class BinanceAgainstSimulatorTests() : VenueAgainstSimulatorTests(ExchangeVenue.Binance);

public sealed class BybitAgainstSimulatorTests() : VenueAgainstSimulatorTests(ExchangeVenue.Bybit);

public sealed class OkxAgainstSimulatorTests() : VenueAgainstSimulatorTests(ExchangeVenue.Okx);

/// <summary>
/// Our client of each venue against the simulator, which answers in the venue's real formats: what the client reports
/// must be the simulator's book, its errors must arrive typed, and injected faults must be survived without a duplicate.
/// </summary>
public abstract class VenueAgainstSimulatorTests(ExchangeVenue venue)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Balances_are_the_starting_usdt()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);

        var usdt = (await rig.Client.GetBalancesAsync(TradingAccount.Futures, Token)).Single(b => b.Asset == "USDT");

        Assert.Equal(10_000m, usdt.Total);
        Assert.Equal(10_000m, usdt.Available);
    }

    [Fact]
    public async Task Leverage_and_a_market_order_give_the_books_position()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);

        await rig.Client.SetLeverageAsync(rig.Symbol, 5, Token);
        var order = await rig.Client.PlaceOrderAsync(
            OrderRequest.Market(TradingAccount.Futures, rig.Symbol, OrderSide.Buy, 0.01m, "basisMarket1"), Token);
        var position = (await rig.Client.GetPositionsAsync(Token)).Single();

        lock (rig.Book.Sync)
        {
            var book = rig.Account.Position("BTCUSDT");
            Assert.Equal(5, rig.Account.LeverageOf("BTCUSDT"));
            // 0.01 bought at the 00:00 mark on the tick (no slippage configured)
            Assert.Equal(0.01m, book.Size);
            Assert.Equal(book.Size, position.Quantity);
            Assert.Equal(book.EntryPrice, position.EntryPrice);
            Assert.Equal(5m, position.Leverage);
        }

        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal("basisMarket1", order.ClientOrderId);
        Assert.Equal(0.01m, order.FilledQuantity);
        Assert.Equal(position.EntryPrice, order.AverageFillPrice);
    }

    [Fact]
    public async Task A_resting_limit_order_is_queried_and_canceled_by_client_order_id()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);

        // 80 000 is far below the ~94 000 mark: the order rests.
        var placed = await rig.Client.PlaceOrderAsync(
            OrderRequest.Limit(TradingAccount.Futures, rig.Symbol, OrderSide.Buy, 0.01m, 80_000m, "basisLimit1"), Token);
        var queried = await rig.Client.GetOrderAsync(TradingAccount.Futures, rig.Symbol, "basisLimit1", Token);
        var canceled = await rig.Client.CancelOrderAsync(TradingAccount.Futures, rig.Symbol, "basisLimit1", Token);

        Assert.Equal(OrderStatus.New, placed.Status);
        Assert.Equal((OrderStatus.New, 0.01m, 0m, 80_000m), (queried.Status, queried.Quantity, queried.FilledQuantity, queried.LimitPrice));
        Assert.Equal(placed.VenueOrderId, queried.VenueOrderId);
        Assert.Equal(OrderStatus.Canceled, canceled.Status);
        lock (rig.Book.Sync)
        {
            Assert.Equal(SimStatus.Canceled, rig.Account.Orders.Single(o => o.ClientOrderId == "basisLimit1").Status);
        }
    }

    [Fact]
    public async Task Mark_price_is_the_tapes()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);

        var mark = await rig.Client.GetMarkPriceAsync(rig.Symbol, Token);

        lock (rig.Book.Sync)
        {
            Assert.Equal(rig.Book.Mark("BTCUSDT"), mark.MarkPrice);
        }
    }

    [Fact]
    public async Task Funding_rate_is_the_tapes_for_the_next_funding_time()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);

        var funding = await rig.Client.GetFundingRateAsync(rig.Symbol, Token);

        lock (rig.Book.Sync)
        {
            var next = rig.Book.Tape.NextFundingTime("BTCUSDT", rig.Book.NowSeconds)!.Value;
            Assert.Equal(rig.Book.Tape.FundingAt("BTCUSDT", next), funding.Rate);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(next), funding.NextFundingTime);
        }
    }

    [Fact]
    public async Task Funding_history_gains_the_funding_the_clock_moved_past()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);
        var start = new DateTimeOffset(SimulatorRig.StartUtc);

        var before = await rig.Client.GetFundingHistoryAsync(rig.Symbol, start, start.AddHours(9), Token);
        await rig.AdvanceClockAsync(9);
        var after = await rig.Client.GetFundingHistoryAsync(rig.Symbol, start, start.AddHours(9), Token);

        Assert.Equal(Tape(start.ToUnixTimeSeconds()), Records(before));
        var moved = Tape(start.AddHours(9).ToUnixTimeSeconds());
        Assert.True(moved.Count > before.Count, "advancing 9 h passes at least one funding time");
        Assert.Equal(moved, Records(after));

        // What the venue has published by simulated time `until`: the tape's funding from the window's start.
        List<(DateTimeOffset, decimal)> Tape(long until)
        {
            lock (rig.Book.Sync)
            {
                return [.. rig.Book.Tape.FundingBetween("BTCUSDT", start.ToUnixTimeSeconds(), until)
                    .Select(t => (DateTimeOffset.FromUnixTimeSeconds(t.Time), t.Rate))];
            }
        }

        static List<(DateTimeOffset, decimal)> Records(IEnumerable<FundingRateRecord> records) =>
            [.. records.Select(r => (r.FundingTime, r.Rate))];
    }

    [Fact]
    public async Task An_order_beyond_the_margin_is_typed_insufficient()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);

        var error = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.PlaceOrderAsync(
            OrderRequest.Market(TradingAccount.Futures, rig.Symbol, OrderSide.Buy, 100m, "basisTooBig1"), Token));

        Assert.Equal(ExchangeErrorKind.InsufficientBalanceOrMargin, error.Kind);
    }

    [Fact]
    public async Task An_unknown_order_is_typed_unknown()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);

        var error = await Assert.ThrowsAsync<ExchangeException>(() =>
            rig.Client.GetOrderAsync(TradingAccount.Futures, rig.Symbol, "basisNothingHere", Token));

        Assert.Equal(ExchangeErrorKind.UnknownOrder, error.Kind);
    }

    [Fact]
    public async Task A_clock_that_drifts_after_the_sync_is_resynced_and_the_request_sent_once_more()
    {
        var time = new ShiftedTime();
        await using var rig = await SimulatorRig.StartAsync(venue, time);
        await rig.Client.GetBalancesAsync(TradingAccount.Futures, Token); // measures the server clock

        time.Shift = TimeSpan.FromSeconds(-60); // now outside every venue's window (5 s; OKX 30 s)
        rig.Journal.Clear();
        var balances = await rig.Client.GetBalancesAsync(TradingAccount.Futures, Token);

        Assert.Contains(balances, b => b.Asset == "USDT");
        // refused, clock read again, sent once more
        Assert.Equal(3, rig.Journal.Entries.Count);
    }

    [Fact]
    public async Task A_429_with_retry_after_is_waited_out()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);
        await rig.Client.GetBalancesAsync(TradingAccount.Futures, Token);
        rig.Host.Faults.Set(new FaultSettings { RateLimitNext = 1, RetryAfterSeconds = 1 });

        var watch = Stopwatch.StartNew();
        var balances = await rig.Client.GetBalancesAsync(TradingAccount.Futures, Token);

        Assert.Contains(balances, b => b.Asset == "USDT");
        // Binance sends Retry-After, Bybit a reset time 1 s ahead; OKX sends neither, so the client pauses its base delay.
        Assert.True(watch.Elapsed >= (venue == ExchangeVenue.Okx ? TimeSpan.FromMilliseconds(190) : TimeSpan.FromMilliseconds(750)), $"waited only {watch.Elapsed}");
    }

    [Fact]
    public async Task A_5xx_on_a_read_is_retried()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);
        await rig.Client.GetBalancesAsync(TradingAccount.Futures, Token);
        rig.Host.Faults.Set(new FaultSettings { ServerErrorNext = 1 });
        rig.Journal.Clear();

        var balances = await rig.Client.GetBalancesAsync(TradingAccount.Futures, Token);

        Assert.Contains(balances, b => b.Asset == "USDT");
        Assert.Equal(2, rig.Journal.Entries.Count);
    }

    [Fact]
    public async Task A_dropped_order_post_is_looked_up_and_placed_exactly_once()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);
        // Clock measured and (OKX) contract value loaded by a resting order: the next request is the order's POST.
        await rig.Client.PlaceOrderAsync(
            OrderRequest.Limit(TradingAccount.Futures, rig.Symbol, OrderSide.Buy, 0.01m, 80_000m, "basisWarmUp1"), Token);
        rig.Host.Faults.Set(new FaultSettings { DropNext = 1 });
        rig.Journal.Clear();

        var order = await rig.Client.PlaceOrderAsync(
            OrderRequest.Market(TradingAccount.Futures, rig.Symbol, OrderSide.Buy, 0.01m, "basisDropped1"), Token);

        Assert.Equal(OrderStatus.Filled, order.Status);
        // sent twice (the first connection dropped), looked up in between, landed once
        Assert.Equal(2, rig.Journal.Entries.Count(e => e.Method == "POST" && e.Path == rig.OrderPath));
        lock (rig.Book.Sync)
        {
            Assert.Single(rig.Account.Orders, o => o.ClientOrderId == "basisDropped1");
            Assert.Equal(0.01m, rig.Account.Position("BTCUSDT").Size);
        }
    }

    [Fact]
    public async Task A_partial_fill_is_reported_as_such()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);
        rig.Host.Faults.Set(new FaultSettings { PartialFillFraction = 0.5m });

        var order = await rig.Client.PlaceOrderAsync(
            OrderRequest.Market(TradingAccount.Futures, rig.Symbol, OrderSide.Buy, 0.02m, "basisPartial1"), Token);

        // Binance keeps the order PARTIALLY_FILLED; Bybit (PartiallyFilledCanceled) and OKX (canceled with a fill) end a
        // market order's rest, so the fill shows in FilledQuantity.
        var status = venue == ExchangeVenue.Binance ? OrderStatus.PartiallyFilled : OrderStatus.Canceled;
        Assert.Equal((status, 0.02m, 0.01m), (order.Status, order.Quantity, order.FilledQuantity));
        lock (rig.Book.Sync)
        {
            Assert.Equal(0.01m, rig.Account.Position("BTCUSDT").Size);
        }
    }
}
