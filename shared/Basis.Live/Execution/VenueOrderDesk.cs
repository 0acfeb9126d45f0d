using System.Globalization;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Venues.Exchanges;

namespace Basis.Live.Execution;

/// <summary>
/// Sends a real instance's orders to its venues from the ledger's outbox: orders are written to the ledger as
/// <see cref="OrderStatus.New"/> before anything is sent, with client order ids derived from what they are for, and
/// this desk sends every order whose outcome is not final, oldest first. An order is first looked up at its venue by its
/// client order id and placed only when the venue does not know it, so a send cut short by a crash (after the venue
/// took the order, before the ledger heard of it) is finished by the next one without a second order.
/// </summary>
/// <remarks>
/// Orders are market orders, on the venue's futures account for a perpetual and its spot account for a spot pair. A
/// filled order becomes one fill (the venue's order id is its fill id) at the average fill price, with the venue's taker
/// fee of <c>configs/venues</c> for its market, charged as the venues charge it: a perpetual's in USDT, a spot trade's in
/// the asset it brings in (the coin bought, or the USDT a sale brings). The venues' own fee reports are not read yet.
/// On a venue whose spot account is apart from its futures account (Binance), the instance's USDT lives with the
/// perpetuals' margin: a spot buy first moves what it may cost into the spot account, and the USDT a filled spot order
/// leaves there (a sale's proceeds, a buy's change) goes back. The ledger counts both accounts as the venue's.
/// </remarks>
public sealed class VenueOrderDesk(PostgresLiveLedger ledger, IExchangeClients exchanges, Func<ExchangeVenue, MarketType, decimal> takerFee, TimeProvider time) : IOutboxDesk
{
    /// <summary>
    /// Sends the instance's open orders. Stops at the first order a venue does not take: a venue error that outlived the
    /// client's retries leaves it open (sent again next time); an order the venue refused (margin, size, market closed)
    /// is recorded as rejected. Either way the failure is returned and the orders after it wait, since a hedge's legs
    /// must not be sent out of order.
    /// </summary>
    public async Task<SendOutcome> SendAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var (placed, filled) = (0, 0);
        foreach (var order in await ledger.ListOpenOrdersAsync(instanceId, cancellationToken).ConfigureAwait(false))
        {
            var venue = Enum.Parse<ExchangeVenue>(order.Venue, ignoreCase: true);
            OrderState state;
            try
            {
                state = await LookUpOrPlaceAsync(exchanges.ClientOf(venue), order, cancellationToken).ConfigureAwait(false);
            }
            catch (ExchangeConfigurationException e)
            {
                return new SendOutcome(placed, filled, $"{order.Venue} cannot be traded: {e.Message}");
            }
            catch (ExchangeException e)
            {
                var refused = e.Kind is ExchangeErrorKind.InsufficientBalanceOrMargin or ExchangeErrorKind.InvalidRequest or ExchangeErrorKind.MarketClosed;
                if (refused)
                {
                    await ledger.SaveOrderAsync(order with { Status = OrderStatus.Rejected, Reason = e.Message, UpdatedUtc = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
                }

                var what = refused ? "refused" : "could not be sent (the venue did not answer through the client's retries)";
                return new SendOutcome(placed, filled, string.Create(CultureInfo.InvariantCulture, $"{order.Venue} order {order.ClientOrderId} ({order.Side} {order.Quantity} {order.Symbol}) {what}: {e.Message}"));
            }

            placed++;
            await ledger.SaveOrderAsync(order with { VenueOrderId = state.VenueOrderId, Status = state.Status, UpdatedUtc = time.GetUtcNow() }, cancellationToken).ConfigureAwait(false);
            if (state is { Status: OrderStatus.Filled, AverageFillPrice: { } price } && state.FilledQuantity > 0
                && await ledger.AppendFillAsync(FillOf(instanceId, order, state, price, takerFee(venue, order.Market)), cancellationToken).ConfigureAwait(false))
            {
                filled++;
            }

            if (order.Market == MarketType.Spot && SpotApart(venue) && state.Status == OrderStatus.Filled
                && await ReturnSpotUsdtAsync(exchanges.ClientOf(venue), cancellationToken).ConfigureAwait(false) is { } stranded)
            {
                return new SendOutcome(placed, filled, $"{order.Venue} order {order.ClientOrderId} filled, but the USDT it left in the spot account could not be moved back to futures: {stranded}");
            }
        }

        return new SendOutcome(placed, filled, null);
    }

    /// <summary>The order as the venue knows it, placing it only when the venue has never seen its client order id.</summary>
    private static async Task<OrderState> LookUpOrPlaceAsync(IPerpExchange exchange, LedgerOrder order, CancellationToken cancellationToken)
    {
        var account = order.Market == MarketType.Spot ? TradingAccount.Spot : TradingAccount.Futures;
        try
        {
            return await exchange.GetOrderAsync(account, order.Symbol, order.ClientOrderId, cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeException e) when (e.Kind == ExchangeErrorKind.UnknownOrder)
        {
            if (order is { Market: MarketType.Spot, Side: OrderSide.Buy } && SpotApart(exchange.Venue))
            {
                await FundSpotBuyAsync(exchange, order, cancellationToken).ConfigureAwait(false);
            }

            return await exchange.PlaceOrderAsync(OrderRequest.Market(account, order.Symbol, order.Side, order.Quantity, order.ClientOrderId), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What a spot buy may cost beyond its quantity at the perpetual's mark: the spot price's distance from the mark, the
    /// taker fee and a market order's slippage. What it does not spend goes back after the fill.
    /// </summary>
    private const decimal SpotBuyMargin = 0.01m;

    /// <summary>Whether the venue keeps its spot account apart from its perpetuals' (Binance), so USDT must move between them.</summary>
    private static bool SpotApart(ExchangeVenue venue) => ExchangeReader.AccountsOf(venue).Count > 1;

    /// <summary>
    /// Moves into the spot account what a buy of <paramref name="order"/> may cost (its quantity at the perpetual's mark,
    /// with <see cref="SpotBuyMargin"/>), less the USDT already there; a futures account short of it is the venue's refusal.
    /// </summary>
    private static async Task FundSpotBuyAsync(IPerpExchange exchange, LedgerOrder order, CancellationToken cancellationToken)
    {
        var mark = await exchange.GetMarkPriceAsync(VenueSymbols.Perp(exchange.Venue, Reconciler.BaseAssetOf(order.Symbol)), cancellationToken).ConfigureAwait(false);
        var spot = await SpotUsdtAsync(exchange, cancellationToken).ConfigureAwait(false);
        var missing = Math.Round((order.Quantity * mark.MarkPrice * (1 + SpotBuyMargin)) - spot, 8, MidpointRounding.AwayFromZero);
        if (missing > 0)
        {
            await exchange.TransferAsync("USDT", missing, TransferDirection.FuturesToSpot, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Moves the spot account's free USDT back to futures; why not, when the venue would not.</summary>
    private static async Task<string?> ReturnSpotUsdtAsync(IPerpExchange exchange, CancellationToken cancellationToken)
    {
        try
        {
            if (await SpotUsdtAsync(exchange, cancellationToken).ConfigureAwait(false) is var left and > 0)
            {
                await exchange.TransferAsync("USDT", left, TransferDirection.SpotToFutures, cancellationToken).ConfigureAwait(false);
            }

            return null;
        }
        catch (Exception e) when (e is ExchangeException or HttpRequestException)
        {
            return e.Message;
        }
    }

    private static async Task<decimal> SpotUsdtAsync(IPerpExchange exchange, CancellationToken cancellationToken) =>
        (await exchange.GetBalancesAsync(TradingAccount.Spot, cancellationToken).ConfigureAwait(false)).FirstOrDefault(b => b.Asset == "USDT")?.Available ?? 0m;

    private LedgerFill FillOf(string instanceId, LedgerOrder order, OrderState state, decimal price, decimal feeRate)
    {
        var baseAsset = Reconciler.BaseAssetOf(order.Symbol);
        var (fee, feeAsset) = order.Market == MarketType.Spot && order.Side == OrderSide.Buy
            ? (state.FilledQuantity * feeRate, baseAsset)
            : (state.FilledQuantity * price * feeRate, "USDT");
        return new LedgerFill(
            instanceId, order.Venue, state.VenueOrderId, order.ClientOrderId, order.Symbol, order.Market, baseAsset, "USDT",
            order.Side, state.FilledQuantity, price, fee, feeAsset, time.GetUtcNow());
    }
}
