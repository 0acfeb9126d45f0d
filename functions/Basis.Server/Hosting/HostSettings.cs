using System.Net;
using Basis.Configuration.Reading;
using Basis.Data.Canonical;
using Basis.Server.Http;

namespace Basis.Server.Hosting;

/// <summary>
/// The settings the command line and the pipeline read as typed values, bound from <see cref="PipelineSettings"/>
/// (env.unified ← .env.$BASIS_ENVIRONMENT ← local.settings.json ← the process environment). Values that cannot be
/// honoured yet fail fast, naming the variable.
/// </summary>
internal sealed record HostSettings(string? DataDirectory, string? ResultsDirectory, MarketDataOptions MarketData, int ApiPort, IPAddress ApiBind, IReadOnlyList<string> ApiKeyHashes)
{
    /// <summary>The HTTP port when <c>BASIS_API_PORT</c> is unset (Azure Functions' local default).</summary>
    public const int DefaultApiPort = 7071;

    /// <summary>Names declared in env.unified that other hosts read (the HTTP host, live trading).</summary>
    private static readonly string[] ReadElsewhere =
    [
        "BASIS_ENVIRONMENT", "BASIS_DEPLOYMENT_MODE", "BASIS_LOG_LEVEL",
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
            var apiPort = reader.Optional("BASIS_API_PORT", DefaultApiPort, 1, 65535);
            if (!IPAddress.TryParse(reader.OptionalString("BASIS_API_BIND", "127.0.0.1"), out var apiBind))
            {
                reader.AddError("BASIS_API_BIND", "is not an IP address (e.g. 127.0.0.1, or 0.0.0.0 inside a container)");
                apiBind = IPAddress.Loopback;
            }

            var hashes = (reader.OptionalString("BASIS_API_KEY_HASHES") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (!hashes.All(ApiKeys.IsHash))
            {
                reader.AddError("BASIS_API_KEY_HASHES", ApiKeys.Describe);
            }

            return new HostSettings(dataDirectory, reader.OptionalString("BASIS_RESULTS_DIR"), marketData, apiPort, apiBind, hashes);
        });
    }

    private enum ExecutionMode
    {
        Backtest,
        Live,
    }
}
