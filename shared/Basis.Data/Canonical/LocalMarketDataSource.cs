using Basis.Core.Market;

namespace Basis.Data.Canonical;

/// <summary>Market data from the canonical layout in a local folder (<c>BASIS_DATA_MODE=csv</c>).</summary>
public sealed class LocalMarketDataSource : IMarketDataSource
{
    private readonly string _root;

    /// <summary>Reads from <paramref name="root"/>; the folder must exist.</summary>
    public LocalMarketDataSource(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"Data folder '{root}' does not exist.");
        }

        _root = root;
    }

    /// <inheritdoc />
    public string Description => Path.GetFullPath(_root);

    /// <inheritdoc />
    public Task<SeriesData> ReadAsync(SeriesId id, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
        Task.FromResult(CanonicalSeriesReader.ReadRange(_root, id, fromUtc, toUtc));

    /// <inheritdoc />
    public Task<IReadOnlyList<DateTime>> MonthsAsync(SeriesId id, CancellationToken cancellationToken) =>
        Task.FromResult(CanonicalLayout.MonthsPresent(_root, id));

    /// <inheritdoc />
    public Task CheckHealthAsync(CancellationToken cancellationToken) =>
        Directory.Exists(_root) ? Task.CompletedTask : throw new DirectoryNotFoundException($"Data folder '{Description}' does not exist.");
}
