namespace Basis.Core.Market;

/// <summary>
/// Where series come from: the canonical layout on local disk, in a blob container or in PostgreSQL. A source
/// returns the rows of one series inside <c>[fromUtc, toUtc)</c>; an absent series is an empty result, not an
/// error (coverage is judged by <see cref="MarketDataBuilder"/>).
/// </summary>
public interface IMarketDataSource
{
    /// <summary>A short description for reports and errors (e.g. the folder).</summary>
    string Description { get; }

    /// <summary>Reads the rows of <paramref name="id"/> with timestamps in <c>[fromUtc, toUtc)</c>.</summary>
    Task<SeriesData> ReadAsync(SeriesId id, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken);

    /// <summary>
    /// Midnight UTC on the first day of every month the source holds rows for <paramref name="id"/>, in order (empty
    /// when none): what the data covers, checked before a run starts.
    /// </summary>
    Task<IReadOnlyList<DateTime>> MonthsAsync(SeriesId id, CancellationToken cancellationToken);

    /// <summary>Throws, naming what is wrong, when the source cannot be reached or read (for <c>/health/detailed</c>).</summary>
    Task CheckHealthAsync(CancellationToken cancellationToken);
}
