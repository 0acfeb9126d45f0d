using Basis.Configuration.Binding;
using Basis.Core.Market;
using Basis.Data.Canonical;
using Basis.Data.Stores;

namespace Basis.Api.Hosting;

/// <summary>
/// The pipeline's parts chosen from settings: the configuration (modes, venues, share classes, loaded once), market
/// data (<c>BASIS_DATA_MODE</c>) and the result store (PostgreSQL when <c>BASIS_DATABASE_CONNECTION</c> is set, the
/// <c>results/</c> folder otherwise), with the typed settings.
/// Missing or bad settings fail fast, naming the variable.
/// </summary>
public sealed class PipelineComponents : IAsyncDisposable
{
    private PipelineComponents(PipelineSettings settings, HostSettings host, BasisConfiguration configuration, IMarketDataSource data, IResultStore results)
    {
        Settings = settings;
        Host = host;
        Configuration = configuration;
        Data = data;
        Results = results;
    }

    public PipelineSettings Settings { get; }

    /// <summary>The settings as typed, validated values.</summary>
    public HostSettings Host { get; }

    /// <summary>The configuration the settings' configs folder holds.</summary>
    public BasisConfiguration Configuration { get; }

    public IMarketDataSource Data { get; }

    public IResultStore Results { get; }

    /// <summary>
    /// Opens the parts. <paramref name="results"/> replaces the configured result store (the command line's
    /// <c>--out</c>); <paramref name="defaultDataDirectory"/> and <paramref name="defaultResultsDirectory"/> apply
    /// when the settings name none.
    /// </summary>
    public static async Task<PipelineComponents> OpenAsync(PipelineSettings settings, string defaultDataDirectory, string defaultResultsDirectory, IResultStore? results = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var host = HostSettings.From(settings);
        var configuration = BasisConfiguration.Load(settings.ConfigsDirectory);
        var dataOptions = host.MarketData with { DataDirectory = host.MarketData.DataDirectory ?? defaultDataDirectory };
        var data = await MarketDataSources.OpenAsync(dataOptions, cancellationToken).ConfigureAwait(false);
        results ??= host.MarketData.DatabaseConnection is { } connection
            ? await PostgresResultStore.OpenAsync(connection, cancellationToken).ConfigureAwait(false)
            : new FolderResultStore(host.ResultsDirectory ?? defaultResultsDirectory);
        return new PipelineComponents(settings, host, configuration, data, results);
    }

    /// <summary>The same parts with another result store (the command line's <c>--out</c> folder).</summary>
    public PipelineComponents WithResults(IResultStore results) => new(Settings, Host, Configuration, Data, results);

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
