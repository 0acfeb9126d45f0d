using Azure.Storage.Blobs;
using Basis.Core.Market;

namespace Basis.Data.Canonical;

/// <summary>
/// Opens the market-data source <c>BASIS_DATA_MODE</c> names, failing fast with the name of a missing or unusable
/// variable: csv reads <c>BASIS_DATA_DIR</c>; blob reads <c>BASIS_BLOB_CONNECTION</c> (else
/// <c>AzureWebJobsStorage</c>) and <c>BASIS_BLOB_CONTAINER</c>; db reads <c>BASIS_DATABASE_CONNECTION</c> and
/// migrates the schema. A db source owns its connection pool (it is <see cref="IAsyncDisposable"/>).
/// </summary>
public static class MarketDataSources
{
    /// <summary>The container blob mode uses when <c>BASIS_BLOB_CONTAINER</c> is unset.</summary>
    public const string DefaultContainer = "market-data";

    /// <summary>The source for <paramref name="options"/>.</summary>
    public static async Task<IMarketDataSource> OpenAsync(MarketDataOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Mode switch
        {
            MarketDataMode.Csv => new LocalMarketDataSource(Required(options.DataDirectory, "BASIS_DATA_DIR", "csv mode reads the canonical layout from this folder")),
            MarketDataMode.Blob => new BlobMarketDataSource(BlobContainer(options)),
            MarketDataMode.Db => await PostgresMarketDataSource.OpenAsync(DatabaseConnection(options), cancellationToken).ConfigureAwait(false),
            _ => throw new MarketDataSettingsException("BASIS_DATA_MODE", $"'{options.Mode}' is not one of csv, blob, db"),
        };
    }

    /// <summary>The container blob mode reads (and <c>basis data upload --to-blob</c> writes).</summary>
    public static BlobContainerClient BlobContainer(MarketDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (setting, connection) = options.BlobConnection is { Length: > 0 } own ? ("BASIS_BLOB_CONNECTION", own)
            : options.WebJobsStorage is { Length: > 0 } host ? ("AzureWebJobsStorage", host)
            : throw new MarketDataSettingsException("BASIS_BLOB_CONNECTION", "not set, and neither is AzureWebJobsStorage (blob mode needs a storage connection string; UseDevelopmentStorage=true for Azurite)");
        var container = options.BlobContainer is { Length: > 0 } name ? name : DefaultContainer;
        try
        {
            return new BlobContainerClient(connection, container);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The value may hold an account key: name the variable only.
            throw new MarketDataSettingsException(setting, "is not a usable storage connection string");
        }
    }

    /// <summary>The PostgreSQL connection string db mode uses (and <c>basis data upload --to-db</c>).</summary>
    public static string DatabaseConnection(MarketDataOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Required(options.DatabaseConnection, "BASIS_DATABASE_CONNECTION", "db mode reads market data from PostgreSQL");
    }

    private static string Required(string? value, string setting, string why) =>
        value is { Length: > 0 } ? value : throw new MarketDataSettingsException(setting, $"not set ({why})");
}
