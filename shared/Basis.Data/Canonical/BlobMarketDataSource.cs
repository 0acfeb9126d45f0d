using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Basis.Core.Market;

namespace Basis.Data.Canonical;

/// <summary>
/// Market data from a blob container (<c>BASIS_DATA_MODE=blob</c>): blob names are the canonical layout
/// (<c>{series}/{yyyy}/{MM}.csv</c>); a missing blob reads as no rows, like a missing file.
/// </summary>
public sealed class BlobMarketDataSource(BlobContainerClient container) : CanonicalMonthSource
{
    private readonly BlobContainerClient _container = container ?? throw new ArgumentNullException(nameof(container));

    /// <summary>Container and endpoint, without any key or SAS query.</summary>
    public override string Description { get; } = $"blob container '{container.Name}' at {new UriBuilder(container.Uri) { Query = string.Empty }.Uri}";

    /// <inheritdoc />
    public override async Task CheckHealthAsync(CancellationToken cancellationToken)
    {
        if (!await _container.ExistsAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException($"{Description} does not exist (upload with 'basis data upload --to-blob').");
        }
    }

    /// <inheritdoc />
    public override Task PrepareForUploadAsync(CancellationToken cancellationToken) => _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    /// <inheritdoc />
    public override async Task<IReadOnlyList<DateTime>> MonthsAsync(SeriesId id, CancellationToken cancellationToken)
    {
        var months = new List<DateTime>();
        try
        {
            await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, id.Value + "/", cancellationToken).ConfigureAwait(false))
            {
                if (CanonicalLayout.TryParseMonthName(id, blob.Name) is { } month)
                {
                    months.Add(month);
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No container: no months, as for a missing folder.
        }

        months.Sort();
        return months;
    }

    /// <inheritdoc />
    public override Task WriteMonthAsync(SeriesId id, int year, int month, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
        _container.GetBlobClient(CanonicalLayout.MonthName(id, year, month)).UploadAsync(new BinaryData(content), overwrite: true, cancellationToken);

    /// <inheritdoc />
    protected override async Task<byte[]?> ReadMonthAsync(SeriesId id, int year, int month, CancellationToken cancellationToken)
    {
        try
        {
            var download = await _container.GetBlobClient(CanonicalLayout.MonthName(id, year, month)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return download.Value.Content.ToArray();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null; // the blob (or the whole container) is absent: no rows, as for a missing file
        }
    }
}
