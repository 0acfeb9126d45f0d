using Microsoft.Extensions.Logging;

namespace Basis.Venues.Exchanges;

/// <summary>
/// Places an order at most once. When the outcome of a send is unknown (5xx, timeout, broken connection), waits the
/// back-off, then looks the order up by its client order id: returns it if it landed, sends it again with the same
/// id if the venue does not know it. A duplicate-id refusal of such a re-send means the first attempt landed late.
/// </summary>
internal static class SafeOrderPlacement
{
    public static async Task<OrderState> PlaceAsync(
        ExchangeVenue venue,
        OrderRequest request,
        Func<CancellationToken, Task<OrderState>> send,
        Func<CancellationToken, Task<OrderState?>> find,
        int maxRetryAttempts,
        TimeSpan retryBaseDelay,
        TimeProvider time,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await send(cancellationToken).ConfigureAwait(false);
            }
            catch (ExchangeException e) when (e.Kind == ExchangeErrorKind.ExchangeUnavailable && attempt <= maxRetryAttempts)
            {
                logger.LogWarning(
                    "{Venue} order {ClientOrderId} on {Symbol}: outcome unknown ({Reason}); looking it up before any re-send",
                    venue, request.ClientOrderId, request.Symbol, e.VenueMessage);
                // Give a slow first attempt time to land before asking whether it did.
                await Task.Delay(retryBaseDelay * Math.Pow(2, attempt - 1), time, cancellationToken).ConfigureAwait(false);
                if (await find(cancellationToken).ConfigureAwait(false) is { } landed)
                    return landed;
            }
            catch (ExchangeException e) when (e.Kind == ExchangeErrorKind.DuplicateClientOrderId && attempt > 1)
            {
                if (await find(cancellationToken).ConfigureAwait(false) is { } landedLate)
                    return landedLate;
                throw;
            }
        }
    }
}
