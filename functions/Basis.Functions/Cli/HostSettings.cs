using Basis.Configuration.Environments;
using Basis.Configuration.Reading;
using Basis.Data.Canonical;

namespace Basis.Functions.Cli;

/// <summary>
/// The environment settings the command line reads (configs/env.unified ← configs/.env.$BASIS_ENVIRONMENT ← the
/// process environment). Values the command line cannot honour yet fail fast, naming the variable.
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

    /// <summary>Loads the layers from <paramref name="configsDirectory"/>; throws a ConfigException naming every bad variable.</summary>
    public static HostSettings Load(string configsDirectory)
    {
        var environment = Environment.GetEnvironmentVariable("BASIS_ENVIRONMENT") is { Length: > 0 } name ? name : "dev";
        var layers = EnvironmentLayers.Load(configsDirectory, environment);
        return ConfigReader.Bind(layers.ToConfigNode(), reader =>
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
