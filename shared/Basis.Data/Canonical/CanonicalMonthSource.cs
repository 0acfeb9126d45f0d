using Basis.Core.Market;

namespace Basis.Data.Canonical;

/// <summary>
/// A source that keeps the canonical layout as named month files somewhere other than a local folder (a blob
/// container, a database table). Names are <see cref="CanonicalLayout.MonthName"/>; parsing is the local files'
/// (<see cref="CanonicalSeriesReader.ReadMonth"/>), so every mode reads the same rows from the same bytes.
/// </summary>
public abstract class CanonicalMonthSource : IMarketDataSource
{
    /// <inheritdoc />
    public abstract string Description { get; }

    /// <inheritdoc />
    public async Task<SeriesData> ReadAsync(SeriesId id, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
    {
        var months = new List<SeriesData>();
        foreach (var month in CanonicalLayout.MonthsCovering(fromUtc, toUtc))
        {
            var content = await ReadMonthAsync(id, month.Year, month.Month, cancellationToken).ConfigureAwait(false);
            if (content is not null)
            {
                months.Add(CanonicalSeriesReader.ReadMonth(content, $"{Description}: {CanonicalLayout.MonthName(id, month.Year, month.Month)}", id, month));
            }
        }

        return CanonicalSeriesReader.Combine(id, months, fromUtc, toUtc);
    }

    /// <inheritdoc />
    public abstract Task<IReadOnlyList<DateTime>> MonthsAsync(SeriesId id, CancellationToken cancellationToken);

    /// <inheritdoc />
    public abstract Task CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>Makes the place ready for <see cref="WriteMonthAsync"/> (creates a missing container, say).</summary>
    public abstract Task PrepareForUploadAsync(CancellationToken cancellationToken);

    /// <summary>Stores (or replaces) the bytes of one month file of <paramref name="id"/>.</summary>
    public abstract Task WriteMonthAsync(SeriesId id, int year, int month, ReadOnlyMemory<byte> content, CancellationToken cancellationToken);

    /// <summary>The bytes of one month file of <paramref name="id"/>, or null when it is absent (like a missing file).</summary>
    protected abstract Task<byte[]?> ReadMonthAsync(SeriesId id, int year, int month, CancellationToken cancellationToken);
}
