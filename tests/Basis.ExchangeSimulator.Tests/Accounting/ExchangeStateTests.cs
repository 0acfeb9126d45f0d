using Basis.ExchangeSimulator.Accounting;
using Basis.ExchangeSimulator.Market;

namespace Basis.ExchangeSimulator.Tests.Accounting;

/// <summary>The book over the sample data (data/perp/binance and data/funding/binance), with Binance's 2 / 5 bps fees.</summary>
public sealed class ExchangeStateTests
{
    private static readonly Instrument[] Instruments =
    [
        new("BTCUSDT", "BTC", "USDT", 0.001m, 0.1m, 100m),
        new("ETHUSDT", "ETH", "USDT", 0.001m, 0.01m, 20m),
    ];

    private static readonly MarketTape Tape = MarketTape.Load(Repository.Data, "binance", ["BTCUSDT", "ETHUSDT"]);

    private static (ExchangeState State, SimAccount Account) NewBook(decimal usdt)
    {
        var state = new ExchangeState(Tape, Instruments, new TradingTerms(0.0002m, 0.0005m, 0.005m, 0m), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        return (state, state.AddAccount("k", "s", "USDT", usdt));
    }

    [Fact]
    public void Market_order_fills_at_the_mark_on_the_tick_and_pays_the_taker_fee()
    {
        var (state, account) = NewBook(100_000m);

        var (order, rejection) = state.PlaceOrder(account, "BTCUSDT", OrderSide.Buy, OrderType.Market, 1m, null, "a", false, "GTC");

        // 2025-01-01 00:00 BTCUSDT mark 94040.74 → 94040.7 on the 0.1 tick; fee 94040.7 × 0.0005 = 47.02035
        Assert.Equal(Rejection.None, rejection);
        Assert.Equal(OrderStatus.Filled, order!.Status);
        Assert.Equal(94_040.7m, order.AveragePrice);
        Assert.Equal(100_000m - 47.02035m, account.WalletOf("USDT"));
    }

    [Fact]
    public void Long_pays_funding_at_eight_from_the_data()
    {
        var (state, account) = NewBook(100_000m);
        state.PlaceOrder(account, "BTCUSDT", OrderSide.Buy, OrderType.Market, 1m, null, "a", false, "GTC");

        state.AdvanceHours(7);
        var beforeFunding = account.WalletOf("USDT");
        state.AdvanceHours(1);

        // 08:00 mark 94549.25, rate 0.00014066: −1 × 94549.25 × 0.00014066 = −13.299297505
        Assert.Equal(100_000m - 47.02035m, beforeFunding);
        Assert.Equal(-13.299297505m, account.WalletOf("USDT") - beforeFunding);
        Assert.Equal(-13.299297505m, account.FundingReceived["BTCUSDT"]);
    }

    [Fact]
    public void Short_receives_positive_funding()
    {
        var (state, account) = NewBook(100_000m);
        state.PlaceOrder(account, "ETHUSDT", OrderSide.Sell, OrderType.Market, 2m, null, "a", false, "GTC");

        state.AdvanceHours(8);

        // ETHUSDT 08:00 mark 3307.05, rate 0.00011378: −(−2) × 3307.05 × 0.00011378 = +0.752552298
        Assert.Equal(0.752552298m, account.FundingReceived["ETHUSDT"]);
    }

    [Fact]
    public void Limit_order_rests_until_the_mark_crosses_it_then_fills_as_maker()
    {
        var (state, account) = NewBook(100_000m);
        var (order, _) = state.PlaceOrder(account, "ETHUSDT", OrderSide.Buy, OrderType.Limit, 1m, 3270m, "l", false, "GTC");
        Assert.Equal(OrderStatus.New, order!.Status);

        state.AdvanceHours(1); // 01:00 mark 3311.63: above the limit
        Assert.Equal(OrderStatus.New, order.Status);
        state.AdvanceHours(1); // 02:00 mark 3268.26 ≤ 3270

        // fills at 3270, maker fee 3270 × 0.0002 = 0.654
        Assert.Equal(OrderStatus.Filled, order.Status);
        Assert.Equal(3270m, account.Position("ETHUSDT").EntryPrice);
        Assert.Equal(100_000m - 0.654m, account.WalletOf("USDT"));
    }

    [Fact]
    public void Order_beyond_the_available_margin_is_refused()
    {
        var (state, account) = NewBook(1_000m);

        // 1 BTC at 20× needs 94040.74 / 20 = 4702.04 USDT of margin
        var (order, rejection) = state.PlaceOrder(account, "BTCUSDT", OrderSide.Buy, OrderType.Market, 1m, null, null, false, "GTC");

        Assert.Null(order);
        Assert.Equal(Rejection.InsufficientMargin, rejection);
        Assert.Equal(1_000m, account.WalletOf("USDT"));
    }

    [Fact]
    public void All_that_is_available_to_the_8_places_a_venue_reports_can_be_moved_out_of_the_trading_account()
    {
        // 1,000.000000005 USDT: reported available 1,000.00000000 (never rounded up to 1,000.00000001, which would
        // then be refused), and exactly that moves out.
        var (state, account) = NewBook(1_000.000000005m);

        var available = state.AvailableBalance(account, "USDT");
        var (_, rejection) = state.Transfer(account, "USDT", available, toTrading: false);

        Assert.Equal(1_000m, available);
        Assert.Equal(Rejection.None, rejection);
        Assert.Equal(0.000000005m, account.WalletOf("USDT"));
    }

    [Fact]
    public void A_client_order_id_is_used_once()
    {
        var (state, account) = NewBook(100_000m);
        state.PlaceOrder(account, "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.01m, null, "same", false, "GTC");

        var (_, rejection) = state.PlaceOrder(account, "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.01m, null, "same", false, "GTC");

        Assert.Equal(Rejection.DuplicateClientOrderId, rejection);
        Assert.Single(account.Orders);
    }

    [Fact]
    public void Partial_fill_fills_the_fraction_rounded_down_to_the_step()
    {
        var (state, account) = NewBook(100_000m);

        var (order, _) = state.PlaceOrder(account, "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.015m, null, null, false, "GTC", fillFraction: 0.5m);

        // 0.015 × 0.5 = 0.0075 → 0.007
        Assert.Equal(OrderStatus.PartiallyFilled, order!.Status);
        Assert.Equal(0.007m, order.ExecutedQuantity);
        Assert.Equal(0.007m, account.Position("BTCUSDT").Size);
    }

    [Fact]
    public void The_clock_does_not_run_past_the_data()
    {
        var (state, _) = NewBook(100_000m);

        Assert.Throws<InvalidOperationException>(() => state.AdvanceHours(24 * 365));
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), state.NowSeconds);
    }
}
