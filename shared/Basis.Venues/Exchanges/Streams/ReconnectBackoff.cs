namespace Basis.Venues.Exchanges.Streams;

/// <summary>Capped exponential back-off with jitter between reconnect attempts.</summary>
public static class ReconnectBackoff
{
    /// <summary>
    /// The wait before reconnect attempt <paramref name="attempt"/> (0 = the first after a drop):
    /// min(<paramref name="max"/>, <paramref name="initial"/> × 2^attempt), less up to <paramref name="jitterFraction"/>
    /// of it at random (<paramref name="random"/> in [0, 1)), so clients dropped together do not return together and
    /// the wait never exceeds the cap.
    /// </summary>
    public static TimeSpan Delay(int attempt, TimeSpan initial, TimeSpan max, double jitterFraction, double random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(attempt);
        ArgumentOutOfRangeException.ThrowIfLessThan(initial, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, initial);
        if (jitterFraction is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(jitterFraction), jitterFraction, "must be in [0, 1]");
        }

        if (random is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(random), random, "must be in [0, 1)");
        }

        var capped = Math.Min(max.Ticks, initial.Ticks * Math.Pow(2, Math.Min(attempt, 62)));
        return TimeSpan.FromTicks((long)(capped * (1 - (jitterFraction * random))));
    }
}
