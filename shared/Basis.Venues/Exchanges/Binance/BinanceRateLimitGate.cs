using System.Globalization;
using System.Net.Http.Headers;

namespace Basis.Venues.Exchanges.Binance;

/// <summary>
/// Holds requests back when Binance's usage headers (X-MBX-USED-WEIGHT-1M, X-MBX-ORDER-COUNT-10S/-1M) near a limit,
/// until the window resets; after a 429 until its Retry-After. One per API (spot and futures count separately).
/// </summary>
internal sealed class BinanceRateLimitGate(BinanceRateLimits limits, double slowDownAtShareOfLimit, TimeProvider time)
{
    private readonly RequestPause _pause = new(time);

    public Task WaitAsync(DateTimeOffset serverNow, CancellationToken cancellationToken) => _pause.WaitAsync(serverNow, cancellationToken);

    public void Observe(HttpResponseHeaders headers, DateTimeOffset serverNow)
    {
        if (Near(headers, "X-MBX-USED-WEIGHT-1M", limits.WeightPerMinute) || Near(headers, "X-MBX-ORDER-COUNT-1M", limits.OrdersPerMinute))
            _pause.Until(NextBoundary(serverNow, TimeSpan.FromMinutes(1)));
        if (Near(headers, "X-MBX-ORDER-COUNT-10S", limits.OrdersPerTenSeconds))
            _pause.Until(NextBoundary(serverNow, TimeSpan.FromSeconds(10)));
    }

    /// <summary>After a 429: wait what the exchange asked, or to the next minute when it did not say.</summary>
    public void RateLimited(TimeSpan? retryAfter, DateTimeOffset serverNow) =>
        _pause.Until(retryAfter is { } after ? serverNow + after : NextBoundary(serverNow, TimeSpan.FromMinutes(1)));

    private bool Near(HttpResponseHeaders headers, string name, int limit) =>
        headers.TryGetValues(name, out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var used)
        && used >= limit * slowDownAtShareOfLimit;

    private static DateTimeOffset NextBoundary(DateTimeOffset now, TimeSpan window) =>
        new(now.UtcTicks - (now.UtcTicks % window.Ticks) + window.Ticks, TimeSpan.Zero);
}
