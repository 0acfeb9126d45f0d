namespace Basis.Venues.Exchanges;

/// <summary>The exchange's clock as seen from here: the local clock plus the offset last measured against the server.</summary>
internal sealed class ServerClock(TimeProvider time)
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
}
