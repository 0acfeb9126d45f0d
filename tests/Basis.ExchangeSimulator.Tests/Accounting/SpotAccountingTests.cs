using Basis.ExchangeSimulator.Accounting;
using Basis.ExchangeSimulator.Market;

namespace Basis.ExchangeSimulator.Tests.Accounting;

/// <summary>
/// Spot in the book over the sample data: ETHUSDT at the 2025-01-01 00:00 Binance spot open 3300.66 (the perpetual's
/// mark is 3301.78), Binance's spot filters and 0.1 % spot fees, charged in the asset received.
/// </summary>
public sealed class SpotAccountingTests
{
    private static readonly Instrument[] Perpetuals = [new("ETHUSDT", "ETH", "USDT", 0.001m, 0.01m, 20m)];

    private static readonly Instrument[] SpotPairs = [new("ETHUSDT", "ETH", "USDT", 0.0001m, 0.01m, 5m)];

    private static readonly MarketTape Tape = MarketTape.Load(Repository.Data, "binance", ["ETHUSDT"]);

    private static (ExchangeState State, SimAccount Account) NewBook(bool unified)
    {
        var state = new ExchangeState(
            Tape, Perpetuals, new TradingTerms(0.0002m, 0.0005m, 0.005m, 0m, 0.001m, 0.001m), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            SpotPairs, unified);
        return (state, state.AddAccount("k", "s", "USDT", 10_000m, spotBalance: 10_000m));
    }

    [Fact]
    public void A_buy_then_a_sell_move_the_spot_balances_by_price_and_fee_in_the_asset_received()
    {
        var (state, account) = NewBook(unified: false);

        var (buy, _) = state.PlaceSpotOrder(account, "ETHUSDT", OrderSide.Buy, OrderType.Market, 0.5m, null, "buy1", "GTC");

        // 0.5 × 3300.66 = 1650.33 USDT paid; 0.5 ETH less 0.1 % (0.0005 ETH) received
        Assert.Equal((OrderStatus.Filled, 3_300.66m, 0.0005m, "ETH"), (buy!.Status, buy.AveragePrice, buy.Fee, buy.FeeAsset));
        Assert.Equal(8_349.67m, account.Spot["USDT"]);
        Assert.Equal(0.4995m, account.Spot["ETH"]);

        var (sell, _) = state.PlaceSpotOrder(account, "ETHUSDT", OrderSide.Sell, OrderType.Market, 0.4m, null, "sell1", "GTC");

        // 0.4 × 3300.66 = 1320.264 USDT less 0.1 % (1.320264 USDT) received: 8349.67 + 1318.943736
        Assert.Equal((1.320264m, "USDT"), (sell!.Fee, sell.FeeAsset));
        Assert.Equal(9_668.613736m, account.Spot["USDT"]);
        Assert.Equal(0.0995m, account.Spot["ETH"]);
        // Binance's spot account is apart from the futures wallet, and spot makes no position.
        Assert.Equal(10_000m, account.WalletOf("USDT"));
        Assert.Equal(0m, account.Position("ETHUSDT").Size);
    }

    [Fact]
    public void Orders_beyond_the_balance_are_refused_and_change_nothing()
    {
        var (state, account) = NewBook(unified: false);
        state.PlaceSpotOrder(account, "ETHUSDT", OrderSide.Buy, OrderType.Market, 0.5m, null, "buy1", "GTC");

        // 3 × 3300.66 = 9901.98 USDT > 8349.67; 0.5 ETH > the 0.4995 held
        var tooDear = state.PlaceSpotOrder(account, "ETHUSDT", OrderSide.Buy, OrderType.Market, 3m, null, "buy2", "GTC");
        var tooMany = state.PlaceSpotOrder(account, "ETHUSDT", OrderSide.Sell, OrderType.Market, 0.5m, null, "sell1", "GTC");

        Assert.Equal((null, Rejection.InsufficientBalance), tooDear);
        Assert.Equal((null, Rejection.InsufficientBalance), tooMany);
        Assert.Equal((8_349.67m, 0.4995m), (account.Spot["USDT"], account.Spot["ETH"]));
        Assert.Single(account.Orders);
    }

    [Fact]
    public void A_resting_limit_buy_locks_its_quote_until_canceled()
    {
        var (state, account) = NewBook(unified: false);

        var (bid, _) = state.PlaceSpotOrder(account, "ETHUSDT", OrderSide.Buy, OrderType.Limit, 1m, 3_000m, "bid1", "GTC");

        // below the 3300.66 price: it rests, holding 1 × 3000 USDT
        Assert.Equal(OrderStatus.New, bid!.Status);
        Assert.Equal(3_000m, state.SpotLocked(account, "USDT"));
        Assert.Equal(7_000m, state.SpotAvailable(account, "USDT"));
        Assert.Equal(Rejection.InsufficientBalance, state.PlaceSpotOrder(account, "ETHUSDT", OrderSide.Buy, OrderType.Market, 2.2m, null, "buy1", "GTC").Rejection);

        state.CancelOrder(account, "ETHUSDT", null, "bid1", Product.Spot);

        Assert.Equal(10_000m, state.SpotAvailable(account, "USDT"));
        Assert.Equal(10_000m, account.Spot["USDT"]);
    }

    [Fact]
    public void On_a_unified_account_spot_trades_the_trading_wallet_that_margins_the_perpetuals()
    {
        var (state, account) = NewBook(unified: true);

        state.PlaceSpotOrder(account, "ETHUSDT", OrderSide.Buy, OrderType.Market, 0.5m, null, "buy1", "GTC");
        state.PlaceSpotOrder(account, "ETHUSDT", OrderSide.Buy, OrderType.Limit, 1m, 3_000m, "bid1", "GTC");

        // 10 000 − 1650.33 in the wallet; the resting bid's 3000 is no longer there for perpetual margin
        Assert.Equal(8_349.67m, account.WalletOf("USDT"));
        Assert.Equal(0.4995m, account.WalletOf("ETH"));
        Assert.Empty(account.Spot);
        Assert.Equal(5_349.67m, state.AvailableBalance(account, "USDT"));
        Assert.Equal(5_349.67m, state.SpotAvailable(account, "USDT"));
    }

    [Fact]
    public void Spot_and_perpetual_orders_are_apart_by_client_order_id()
    {
        var (state, account) = NewBook(unified: false);

        state.PlaceSpotOrder(account, "ETHUSDT", OrderSide.Buy, OrderType.Limit, 1m, 3_000m, "same1", "GTC");
        var (perp, rejection) = state.PlaceOrder(account, "ETHUSDT", OrderSide.Buy, OrderType.Limit, 1m, 3_000m, "same1", false, "GTC");

        Assert.Equal(Rejection.None, rejection);
        Assert.Same(perp, ExchangeState.FindOrder(account, "ETHUSDT", null, "same1"));
        Assert.Equal(Rejection.DuplicateClientOrderId, state.PlaceSpotOrder(account, "ETHUSDT", OrderSide.Buy, OrderType.Limit, 1m, 3_000m, "same1", "GTC").Rejection);
    }
}
