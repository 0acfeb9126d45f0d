using Basis.Venues.Exchanges;
using Product = Basis.ExchangeSimulator.Accounting.Product;
using SimStatus = Basis.ExchangeSimulator.Accounting.OrderStatus;

namespace Basis.Venues.Tests.Simulator;

// ETHUSDT at 2025-01-01 00:00: Binance's spot open 3300.66, Bybit's 3300.6; OKX's sample data has no spot series, so its
// spot trades at the ETH-USDT-SWAP mark 3301.35. Spot fees are 0.1 % taker, charged in the asset received.
public sealed class BinanceSpotAgainstSimulatorTests() : SpotAgainstSimulatorTests(ExchangeVenue.Binance, "ETHUSDT", 3_300.66m);

public sealed class BybitSpotAgainstSimulatorTests() : SpotAgainstSimulatorTests(ExchangeVenue.Bybit, "ETHUSDT", 3_300.6m);

public sealed class OkxSpotAgainstSimulatorTests() : SpotAgainstSimulatorTests(ExchangeVenue.Okx, "ETH-USDT", 3_301.35m);

/// <summary>
/// Our clients trading spot against the simulator: a market buy, a limit bid placed, looked up by client order id and
/// canceled, the balances after both, and the refusal of a buy beyond the balance.
/// </summary>
public abstract class SpotAgainstSimulatorTests(ExchangeVenue venue, string symbol, decimal price)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_market_buy_pays_the_price_in_usdt_and_its_fee_in_eth()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);

        var order = await rig.Client.PlaceOrderAsync(OrderRequest.Market(TradingAccount.Spot, symbol, OrderSide.Buy, 0.5m, "spotBuy1"), Token);
        var balances = (await rig.Client.GetBalancesAsync(TradingAccount.Spot, Token)).ToDictionary(b => b.Asset);

        // 10 000 − 0.5 × price USDT; 0.5 − 0.0005 ETH
        Assert.Equal((TradingAccount.Spot, OrderStatus.Filled, 0.5m, price), (order.Account, order.Status, order.FilledQuantity, order.AverageFillPrice));
        Assert.Equal("spotBuy1", order.ClientOrderId);
        Assert.Equal(new AssetBalance(TradingAccount.Spot, "USDT", 10_000m - (0.5m * price), 10_000m - (0.5m * price)), balances["USDT"]);
        Assert.Equal(new AssetBalance(TradingAccount.Spot, "ETH", 0.4995m, 0.4995m), balances["ETH"]);
        lock (rig.Book.Sync)
        {
            Assert.Equal(0.4995m, rig.Book.SpotBalances(rig.Account)["ETH"]);
            Assert.Equal(0m, rig.Account.Position("ETHUSDT").Size);
        }
    }

    [Fact]
    public async Task A_limit_bid_is_looked_up_and_canceled_by_client_order_id_and_holds_its_usdt_meanwhile()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);

        // 3000 is below the price: the bid rests and holds 0.1 × 3000 = 300 USDT
        var placed = await rig.Client.PlaceOrderAsync(OrderRequest.Limit(TradingAccount.Spot, symbol, OrderSide.Buy, 0.1m, 3_000m, "spotBid1"), Token);
        var queried = await rig.Client.GetOrderAsync(TradingAccount.Spot, symbol, "spotBid1", Token);
        var usdt = (await rig.Client.GetBalancesAsync(TradingAccount.Spot, Token)).Single(b => b.Asset == "USDT");
        var canceled = await rig.Client.CancelOrderAsync(TradingAccount.Spot, symbol, "spotBid1", Token);
        var after = (await rig.Client.GetBalancesAsync(TradingAccount.Spot, Token)).Single(b => b.Asset == "USDT");

        Assert.Equal(OrderStatus.New, placed.Status);
        Assert.Equal((OrderStatus.New, 0.1m, 0m, 3_000m, placed.VenueOrderId), (queried.Status, queried.Quantity, queried.FilledQuantity, queried.LimitPrice, queried.VenueOrderId));
        Assert.Equal((10_000m, 9_700m), (usdt.Total, usdt.Available));
        Assert.Equal(("spotBid1", OrderStatus.Canceled), (canceled.ClientOrderId, canceled.Status));
        Assert.Equal((10_000m, 10_000m), (after.Total, after.Available));
        lock (rig.Book.Sync)
        {
            var order = rig.Account.Orders.Single(o => o.ClientOrderId == "spotBid1");
            Assert.Equal((Product.Spot, SimStatus.Canceled), (order.Product, order.Status));
        }
    }

    [Fact]
    public async Task A_buy_beyond_the_balance_is_typed_insufficient()
    {
        await using var rig = await SimulatorRig.StartAsync(venue);

        // 4 ETH cost over 13 200 USDT of 10 000
        var error = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.PlaceOrderAsync(
            OrderRequest.Market(TradingAccount.Spot, symbol, OrderSide.Buy, 4m, "spotTooBig1"), Token));

        Assert.Equal(ExchangeErrorKind.InsufficientBalanceOrMargin, error.Kind);
    }
}
