using Basis.Configuration;
using Basis.Core.Market;
using Basis.Data.Canonical;
using Basis.Data.Stores;
using Basis.Orchestrations.Engine;

namespace Basis.Server.Hosting;

/// <summary>
/// The pipeline's parts chosen from settings: market data (<c>BASIS_DATA_MODE</c>), the result store (PostgreSQL
/// when <c>BASIS_DATABASE_CONNECTION</c> is set, the <c>results/</c> folder otherwise), the orchestration cluster
/// (<c>BASIS_CLUSTER_MODE</c>) and the API key hashes. Missing or bad settings fail fast, naming the variable.
/// </summary>
internal sealed class PipelineComponents : IAsyncDisposable
{
    private PipelineComponents(PipelineSettings settings, HostSettings host, IMarketDataSource data, IResultStore results, OrchestrationHostingOptions cluster)
    {
        Settings = settings;
        Host = host;
        Data = data;
        Results = results;
        Cluster = cluster;
    }

    public PipelineSettings Settings { get; }

    /// <summary>The settings as typed, validated values.</summary>
    public HostSettings Host { get; }

    public IMarketDataSource Data { get; }

    public IResultStore Results { get; }

    public OrchestrationHostingOptions Cluster { get; }

    /// <summary>
    /// Opens the parts. <paramref name="results"/> replaces the configured result store (the command line's
    /// <c>--out</c>); <paramref name="defaultDataDirectory"/> and <paramref name="defaultResultsDirectory"/> apply
    /// when the settings name none.
    /// </summary>
    public static async Task<PipelineComponents> OpenAsync(PipelineSettings settings, string defaultDataDirectory, string defaultResultsDirectory, IResultStore? results = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var host = HostSettings.From(settings);
        var cluster = ClusterOptions(settings);
        var dataOptions = host.MarketData with { DataDirectory = host.MarketData.DataDirectory ?? defaultDataDirectory };
        var data = await MarketDataSources.OpenAsync(dataOptions, cancellationToken).ConfigureAwait(false);
        results ??= host.MarketData.DatabaseConnection is { } connection
            ? await PostgresResultStore.OpenAsync(connection, cancellationToken).ConfigureAwait(false)
            : new FolderResultStore(host.ResultsDirectory ?? defaultResultsDirectory);
        if (cluster.Mode == OrchestrationClusterMode.Redis && results is FolderResultStore)
        {
            // Silos on other machines could not read each other's segments or results.
            throw new ConfigException([new ConfigError(
                ConfigSource.FromOrigin("environment variable BASIS_DATABASE_CONNECTION"),
                "BASIS_DATABASE_CONNECTION",
                "cluster mode (BASIS_CLUSTER_MODE=redis) needs a shared result store; set a PostgreSQL connection string")]);
        }

        return new PipelineComponents(settings, host, data, results, cluster);
    }

    /// <summary>The same parts with another result store (the command line's <c>--out</c> folder).</summary>
    public PipelineComponents WithResults(IResultStore results) => new(Settings, Host, Data, results, Cluster);

    /// <summary>The cluster settings; a bad one is a configuration error (bad input), like every other setting.</summary>
    private static OrchestrationHostingOptions ClusterOptions(PipelineSettings settings)
    {
        try
        {
            return OrchestrationHostingOptions.FromConfiguration(settings.Values);
        }
        catch (InvalidOperationException e)
        {
            // Its messages start with the variable's name and never quote a connection string.
            throw new ConfigException([new ConfigError(ConfigSource.FromOrigin("environment settings"), string.Empty, e.Message)]);
        }
    }

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
