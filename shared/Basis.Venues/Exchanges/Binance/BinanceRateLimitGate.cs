using System.Globalization;
using System.Net.Http.Headers;

namespace Basis.Venues.Exchanges.Binance;

/// <summary>
/// Holds requests back when Binance's usage headers (X-MBX-USED-WEIGHT-1M, X-MBX-ORDER-COUNT-10S/-1M) near a limit,
/// until the window resets; after a 429 until its Retry-After. Shared by every request to one API, so concurrent
/// callers wait too.
/// </summary>
internal sealed class BinanceRateLimitGate(BinanceRateLimits limits, double slowDownAtShareOfLimit, TimeProvider time)
{
    private readonly Lock _lock = new();
    private DateTimeOffset _resumeAt = DateTimeOffset.MinValue;

    public async Task WaitAsync(Func<DateTimeOffset> serverNow, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (_lock)
            wait = _resumeAt - serverNow();
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
    }

    public void Observe(HttpResponseHeaders headers, DateTimeOffset serverNow)
    {
        if (Near(headers, "X-MBX-USED-WEIGHT-1M", limits.WeightPerMinute) || Near(headers, "X-MBX-ORDER-COUNT-1M", limits.OrdersPerMinute))
            PauseUntil(NextBoundary(serverNow, TimeSpan.FromMinutes(1)));
        if (Near(headers, "X-MBX-ORDER-COUNT-10S", limits.OrdersPerTenSeconds))
            PauseUntil(NextBoundary(serverNow, TimeSpan.FromSeconds(10)));
    }

    /// <summary>After a 429: wait what the exchange asked, or to the next minute when it did not say.</summary>
    public void RateLimited(TimeSpan? retryAfter, DateTimeOffset serverNow) =>
        PauseUntil(retryAfter is { } after ? serverNow + after : NextBoundary(serverNow, TimeSpan.FromMinutes(1)));

    private void PauseUntil(DateTimeOffset until)
    {
        lock (_lock)
            if (until > _resumeAt)
                _resumeAt = until;
    }

    private bool Near(HttpResponseHeaders headers, string name, int limit) =>
        headers.TryGetValues(name, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var used)
        && used >= limit * slowDownAtShareOfLimit;

    private static DateTimeOffset NextBoundary(DateTimeOffset now, TimeSpan window) =>
        new(now.UtcTicks - (now.UtcTicks % window.Ticks) + window.Ticks, TimeSpan.Zero);
}
