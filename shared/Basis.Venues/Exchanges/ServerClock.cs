using Microsoft.Extensions.Logging;

namespace Basis.Venues.Exchanges;

/// <summary>The exchange's clock as seen from here: the local clock plus the offset last measured against the server.</summary>
internal sealed partial class ServerClock(TimeProvider time)
{
    private long _offsetMs;
    private bool _measured;

    public bool IsMeasured => Volatile.Read(ref _measured);

    public long OffsetMs => Interlocked.Read(ref _offsetMs);

    public DateTimeOffset LocalNow() => time.GetUtcNow();

    public DateTimeOffset Now() => time.GetUtcNow().AddMilliseconds(OffsetMs);

    /// <summary>Concurrent measurements are harmless: each stores a valid offset.</summary>
    public void Record(DateTimeOffset sentAt, DateTimeOffset receivedAt, long serverTimeMs)
    {
        // The server read its clock about halfway through the round trip.
        var localMidpoint = sentAt + ((receivedAt - sentAt) / 2);
        Interlocked.Exchange(ref _offsetMs, serverTimeMs - localMidpoint.ToUnixTimeMilliseconds());
        Volatile.Write(ref _measured, true);
    }

    /// <summary>
    /// Sends a signed request at server time: measures the offset first when it never was, and re-sends once after a
    /// fresh measurement when the venue refuses the request for its timestamp. Every venue refuses such a request before
    /// executing it, so the re-send is safe for any request, orders included.
    /// </summary>
    public async Task<T> SendSignedAsync<T>(
        Func<CancellationToken, Task<T>> send, Func<CancellationToken, Task> measure, ILogger logger, ExchangeVenue venue, string request,
        CancellationToken cancellationToken)
    {
        if (!IsMeasured)
        {
            await measure(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await send(cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeException e) when (e.Kind == ExchangeErrorKind.TimestampOutsideRecvWindow)
        {
            Resyncing(logger, venue, request);
            await measure(cancellationToken).ConfigureAwait(false);
            return await send(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Venue} rejected {Request} for its timestamp; resyncing the clock and sending once more")]
    private static partial void Resyncing(ILogger logger, ExchangeVenue venue, string request);
}
