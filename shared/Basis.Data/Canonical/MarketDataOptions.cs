namespace Basis.Data.Canonical;

/// <summary>The settings that choose and reach a market-data source; each property is the named environment variable.</summary>
/// <param name="Mode"><c>BASIS_DATA_MODE</c>.</param>
/// <param name="DataDirectory"><c>BASIS_DATA_DIR</c>: the folder for csv mode.</param>
/// <param name="BlobConnection"><c>BASIS_BLOB_CONNECTION</c>: a storage connection string for blob mode (wins over <paramref name="WebJobsStorage"/>).</param>
/// <param name="WebJobsStorage"><c>AzureWebJobsStorage</c>: the host's storage account, used for blob mode when <paramref name="BlobConnection"/> is unset (<c>UseDevelopmentStorage=true</c> is Azurite on 127.0.0.1:10000).</param>
/// <param name="BlobContainer"><c>BASIS_BLOB_CONTAINER</c>: the container (default <see cref="MarketDataSources.DefaultContainer"/>).</param>
/// <param name="DatabaseConnection"><c>BASIS_DATABASE_CONNECTION</c>: a PostgreSQL connection string for db mode.</param>
public sealed record MarketDataOptions(
    MarketDataMode Mode = MarketDataMode.Csv,
    string? DataDirectory = null,
    string? BlobConnection = null,
    string? WebJobsStorage = null,
    string? BlobContainer = null,
    string? DatabaseConnection = null);
