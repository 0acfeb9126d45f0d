using Basis.Core.Market;
using Basis.Data.Canonical;
using Basis.Data.Stores;
using Basis.Orchestrations.Engine;

namespace Basis.Functions.Hosting;

/// <summary>
/// The pipeline's parts chosen from settings: market data (<c>BASIS_DATA_MODE</c>), the result store (PostgreSQL
/// when <c>BASIS_DATABASE_CONNECTION</c> is set, the <c>results/</c> folder otherwise), the orchestration cluster
/// (<c>BASIS_CLUSTER_MODE</c>) and the API key hashes. Missing or bad settings fail fast, naming the variable.
/// </summary>
internal sealed class PipelineComponents : IAsyncDisposable
{
    private PipelineComponents(PipelineSettings settings, IMarketDataSource data, IResultStore results, OrchestrationHostingOptions cluster, IReadOnlyList<string> apiKeyHashes)
    {
        Settings = settings;
        Data = data;
        Results = results;
        Cluster = cluster;
        ApiKeyHashes = apiKeyHashes;
    }

    public PipelineSettings Settings { get; }

    public IMarketDataSource Data { get; }

    public IResultStore Results { get; }

    public OrchestrationHostingOptions Cluster { get; }

    public IReadOnlyList<string> ApiKeyHashes { get; }

    /// <summary>
    /// Opens the parts. <paramref name="results"/> replaces the configured result store (the command line's
    /// <c>--out</c>); <paramref name="defaultDataDirectory"/> and <paramref name="defaultResultsDirectory"/> apply
    /// when the settings name none.
    /// </summary>
    public static async Task<PipelineComponents> OpenAsync(PipelineSettings settings, string defaultDataDirectory, string defaultResultsDirectory, IResultStore? results = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var cluster = OrchestrationHostingOptions.FromConfiguration(settings.Values);
        var host = HostSettings.From(settings);
        var dataOptions = host.MarketData with { DataDirectory = host.MarketData.DataDirectory ?? defaultDataDirectory };
        var data = await MarketDataSources.OpenAsync(dataOptions, cancellationToken).ConfigureAwait(false);
        results ??= host.MarketData.DatabaseConnection is { } connection
            ? await PostgresResultStore.OpenAsync(connection, cancellationToken).ConfigureAwait(false)
            : new FolderResultStore(host.ResultsDirectory ?? defaultResultsDirectory);
        if (cluster.Mode == OrchestrationClusterMode.Redis && results is FolderResultStore)
        {
            // Silos on other machines could not read each other's segments or results.
            throw new InvalidOperationException("BASIS_DATABASE_CONNECTION: cluster mode (BASIS_CLUSTER_MODE=redis) needs a shared result store; set a PostgreSQL connection string.");
        }

        var hashes = (settings["BASIS_API_KEY_HASHES"] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new PipelineComponents(settings, data, results, cluster, hashes);
    }

    /// <summary>The same parts with another result store (the command line's <c>--out</c> folder).</summary>
    public PipelineComponents WithResults(IResultStore results) => new(Settings, Data, results, Cluster, ApiKeyHashes);

    public async ValueTask DisposeAsync()
    {
        if (Results is IAsyncDisposable results)
        {
            await results.DisposeAsync().ConfigureAwait(false);
        }

        if (Data is IAsyncDisposable data)
        {
            await data.DisposeAsync().ConfigureAwait(false);
        }
    }
}
