namespace Basis.Venues.Exchanges;

/// <summary>
/// Holds every request to one API until a moment the exchange told us about (a rate-limit window reset, a
/// Retry-After), so that concurrent callers wait too.
/// </summary>
internal sealed class RequestPause(TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _resumeAt = DateTimeOffset.MinValue;

    public async Task WaitAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
            wait = _resumeAt - now;
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
    }

    public void Until(DateTimeOffset resumeAt)
    {
        lock (_lock)
            if (resumeAt > _resumeAt)
                _resumeAt = resumeAt;
    }
}
