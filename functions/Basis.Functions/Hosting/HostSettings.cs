using Basis.Configuration.Reading;
using Basis.Data.Canonical;

namespace Basis.Functions.Hosting;

/// <summary>
/// The settings the command line and the pipeline read as typed values, bound from <see cref="PipelineSettings"/>
/// (env.unified ← .env.$BASIS_ENVIRONMENT ← local.settings.json ← the process environment). Values that cannot be
/// honoured yet fail fast, naming the variable.
/// </summary>
internal sealed record HostSettings(string? DataDirectory, string? ResultsDirectory, MarketDataOptions MarketData)
{
    /// <summary>Names declared in env.unified that other hosts read (the HTTP host, live trading).</summary>
    private static readonly string[] ReadElsewhere =
    [
        "BASIS_ENVIRONMENT", "BASIS_DEPLOYMENT_MODE", "BASIS_API_PORT", "BASIS_API_BIND", "BASIS_API_KEY_HASHES", "BASIS_LOG_LEVEL",
        "BASIS_CLUSTER_MODE", "BASIS_REDIS_CONNECTION", "BASIS_SILO_PORT", "BASIS_GATEWAY_PORT", "BASIS_CLUSTER_ID",
        "BASIS_LIVE_TRADING__ENABLED", "BASIS_LIVE_TRADING__READ_ONLY", "BASIS_LIVE_TRADING__MAX_TRADE_SIZE_USD",
        "BASIS_LIVE_TRADING__EMERGENCY_STOP_LOSS_PCT", "BASIS_LIVE_TRADING__HEARTBEAT_TIMEOUT_SECONDS",
        "BASIS_LIVE_TRADING__CIRCUIT_BREAKER_ENABLED",
    ];

    /// <summary>Binds the settings; throws a ConfigException naming every bad variable.</summary>
    public static HostSettings From(PipelineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ConfigReader.Bind(settings.Layers.ToConfigNode(), reader =>
        {
            reader.IgnoreKeys(ReadElsewhere);
            if (reader.OptionalEnum("BASIS_EXECUTION_MODE", ExecutionMode.Backtest) == ExecutionMode.Live)
            {
                reader.AddError("BASIS_EXECUTION_MODE", "live trading is not implemented yet; the command line runs backtests");
            }

            var dataDirectory = reader.OptionalString("BASIS_DATA_DIR");
            var marketData = new MarketDataOptions(
                reader.OptionalEnum("BASIS_DATA_MODE", MarketDataMode.Csv),
                dataDirectory,
                reader.OptionalString("BASIS_BLOB_CONNECTION"),
                reader.OptionalString("AzureWebJobsStorage"),
                reader.OptionalString("BASIS_BLOB_CONTAINER"),
                reader.OptionalString("BASIS_DATABASE_CONNECTION"));
            return new HostSettings(dataDirectory, reader.OptionalString("BASIS_RESULTS_DIR"), marketData);
        });
    }

    private enum ExecutionMode
    {
        Backtest,
        Live,
    }
}
