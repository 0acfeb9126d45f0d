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
            return await exchange.PlaceOrderAsync(OrderRequest.Market(account, order.Symbol, order.Side, order.Quantity, order.ClientOrderId), cancellationToken).ConfigureAwait(false);
        }
    }

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
