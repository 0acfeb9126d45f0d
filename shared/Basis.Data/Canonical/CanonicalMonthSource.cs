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
            var name = CanonicalLayout.MonthName(id, month.Year, month.Month);
            var content = await ReadMonthAsync(name, cancellationToken).ConfigureAwait(false);
            if (content is not null)
            {
                months.Add(CanonicalSeriesReader.ReadMonth(content, $"{Description}: {name}", id, month));
            }
        }

        return CanonicalSeriesReader.Combine(id, months, fromUtc, toUtc);
    }

    /// <inheritdoc />
    public abstract Task CheckHealthAsync(CancellationToken cancellationToken);

    /// <summary>The bytes of the month file <paramref name="name"/>, or null when it is absent (like a missing file).</summary>
    protected abstract Task<byte[]?> ReadMonthAsync(string name, CancellationToken cancellationToken);
}
