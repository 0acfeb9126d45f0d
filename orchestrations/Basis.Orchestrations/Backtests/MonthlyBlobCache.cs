using System.Collections.Concurrent;
using Basis.Core.Market;
using Basis.Data.Canonical;

namespace Basis.Orchestrations.Backtests;

/// <summary>
/// Market data read one monthly blob at a time and kept for the life of the process, so the runs of a sweep (and
/// the segments of one run) read each blob once. A blob is one series' month, at most a few hundred rows: the
/// whole reference set (2024-01 → 2025-09) is about 300,000 rows, so the cache is not bounded.
/// </summary>
public sealed class MonthlyBlobCache : IMarketDataSource
{
    private readonly IMarketDataSource _source;
    private const long ListingLifetimeMs = 60_000;
    private readonly ConcurrentDictionary<DataBlob, Lazy<Task<SeriesData>>> _months = new();
    private readonly ConcurrentDictionary<SeriesId, (long At, Task<IReadOnlyList<DateTime>> Months)> _listings = new();

    public MonthlyBlobCache(IMarketDataSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
    }

    /// <inheritdoc />
    public string Description => _source.Description;

    /// <inheritdoc />
    public Task<IReadOnlyList<DateTime>> MonthsAsync(SeriesId id, CancellationToken cancellationToken)
    {
        // Listings are cached briefly: a request checks them before it starts, and new months arrive rarely.
        var now = Environment.TickCount64;
        if (_listings.TryGetValue(id, out var cached) && now - cached.At < ListingLifetimeMs)
        {
            return cached.Months;
        }

        var months = _source.MonthsAsync(id, cancellationToken);
        _listings[id] = (now, months);
        return months;
    }

    /// <inheritdoc />
    public Task CheckHealthAsync(CancellationToken cancellationToken) => _source.CheckHealthAsync(cancellationToken);

    /// <summary>The rows of one blob, read on first use.</summary>
    public Task<SeriesData> MonthAsync(DataBlob blob, CancellationToken cancellationToken = default) =>
        _months.GetOrAdd(blob, b => new Lazy<Task<SeriesData>>(() => ReadMonthAsync(b, cancellationToken))).Value;

    /// <inheritdoc />
    public async Task<SeriesData> ReadAsync(SeriesId id, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var months = DataBlob.Covering(id, fromUtc, toUtc).Select(blob => MonthAsync(blob, cancellationToken));
        var parts = await Task.WhenAll(months).ConfigureAwait(false);
        return CanonicalSeriesReader.Combine(id, parts, fromUtc, toUtc);
    }

    private async Task<SeriesData> ReadMonthAsync(DataBlob blob, CancellationToken cancellationToken)
    {
        try
        {
            return await _source.ReadAsync(blob.Series, blob.MonthStartUtc, blob.MonthStartUtc.AddMonths(1), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // A failed read is not cached: the next run (or the activity's retry) reads again.
            _months.TryRemove(blob, out _);
            throw;
        }
    }
}
