using System.Net;
using Basis.Configuration.Reading;
using Basis.Data.Canonical;
using Basis.Orchestrations;
using Basis.Api.Http;

namespace Basis.Api.Hosting;

/// <summary>
/// The settings the command line and the pipeline read as typed values, bound from <see cref="PipelineSettings"/>
/// (env.unified ← .env.$BASIS_ENVIRONMENT ← local.settings.json ← the process environment). Values that cannot be
/// honoured yet fail fast, naming the variable.
/// </summary>
public sealed record HostSettings(
    string? DataDirectory,
    string? ResultsDirectory,
    MarketDataOptions MarketData,
    int ApiPort,
    IPAddress ApiBind,
    IReadOnlyList<string> ApiKeyHashes,
    bool RequireKeyForReads,
    long MaxBodyBytes,
    OrchestrationSettings Orchestration)
{
    /// <summary>The HTTP port when <c>BASIS_API_PORT</c> is unset (Azure Functions' local default).</summary>
    public const int DefaultApiPort = 7071;

    /// <summary><c>BASIS_EXECUTION_MODE</c> as the health endpoints report it (<c>backtest</c>: the only mode that runs today).</summary>
    public string ExecutionMode { get; init; } = "backtest";

    /// <summary>
    /// True in <c>live</c> execution mode, where the host runs the live timers (rebalance, heartbeat); in <c>backtest</c>
    /// mode live instances can still be managed and rebalanced by hand, but nothing runs on a schedule.
    /// </summary>
    public bool RunsLiveTimers => ExecutionMode == "live";

    /// <summary>
    /// <c>BASIS_WEB_DIR</c>: the web dashboard's build the server serves at <c>/</c>; null for the checkout's
    /// <c>web/dist</c>.
    /// </summary>
    public string? WebDirectory { get; init; }

    /// <summary>Names declared in env.unified that others read (the HTTP host, live trading, platform.sh's health monitor).</summary>
    private static readonly string[] ReadElsewhere =
    [
        "BASIS_ENVIRONMENT", "BASIS_DEPLOYMENT_MODE", "BASIS_LOG_LEVEL",
        "BASIS_LIVE_TRADING__ENABLED", "BASIS_LIVE_TRADING__READ_ONLY", "BASIS_LIVE_TRADING__MAX_TRADE_SIZE_USD",
        "BASIS_LIVE_TRADING__EMERGENCY_STOP_LOSS_PCT", "BASIS_LIVE_TRADING__HEARTBEAT_TIMEOUT_SECONDS",
        "BASIS_LIVE_TRADING__CIRCUIT_BREAKER_ENABLED", "BASIS_LIVE_TRADING__HEALTH_FACTOR_FLOOR", "BASIS_LIVE_TRADING__MARGIN_RATIO_FLOOR",
        "BASIS_LIVE_CLOCK_START",
        "HEALTH_CHECK_INTERVAL", "HEALTH_CHECK_ENDPOINT",
    ];

    /// <summary>Binds the settings; throws a ConfigException naming every bad variable.</summary>
    public static HostSettings From(PipelineSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ConfigReader.Bind(settings.Layers.ToConfigNode(), reader =>
        {
            reader.IgnoreKeys(ReadElsewhere);
            var executionMode = reader.OptionalEnum("BASIS_EXECUTION_MODE", Execution.Backtest);

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

            var requireKeyForReads = reader.Optional("BASIS_API_REQUIRE_KEY_FOR_READS", false);
            var maxBodyBytes = reader.Optional("BASIS_API_MAX_BODY_BYTES", ApiLimits.DefaultMaxBodyBytes, 1024, 1L << 30);
            var backend = reader.OptionalEnum("BASIS_ORCHESTRATION_BACKEND", OrchestrationBackend.Embedded);
            var storage = reader.OptionalString("AzureWebJobsStorage");
            if (backend == OrchestrationBackend.AzureStorage && storage is null)
            {
                reader.AddError("AzureWebJobsStorage", "is required when BASIS_ORCHESTRATION_BACKEND=azure_storage (UseDevelopmentStorage=true for Azurite on this machine)");
            }

            var taskHub = reader.OptionalString("BASIS_TASK_HUB");
            if (taskHub is not null && !DurableConventions.IsTaskHubName(taskHub))
            {
                reader.AddError("BASIS_TASK_HUB", $"'{taskHub}' is not a task hub name: 3–45 letters or digits, starting with a letter");
            }

            return new HostSettings(
                dataDirectory,
                reader.OptionalString("BASIS_RESULTS_DIR"),
                marketData,
                apiPort,
                apiBind,
                hashes,
                requireKeyForReads,
                maxBodyBytes,
                new OrchestrationSettings(backend, storage, taskHub))
            {
                ExecutionMode = executionMode.ToString().ToLowerInvariant(),
                WebDirectory = reader.OptionalString("BASIS_WEB_DIR"),
            };
        });
    }

    private enum Execution
    {
        Backtest,
        Live,
    }
}

/// <summary>
/// Which Durable Task back end the self-hosted server runs on (<c>BASIS_ORCHESTRATION_BACKEND</c>), its storage
/// (<c>AzureWebJobsStorage</c>, the Functions setting) and task hub (<c>BASIS_TASK_HUB</c>, over host.json's
/// <c>hubName</c>). The Azure Functions app takes these from the Functions host instead.
/// </summary>
public sealed record OrchestrationSettings(OrchestrationBackend Backend, string? StorageConnection, string? TaskHub);

/// <summary>Where the self-hosted server keeps its orchestrations.</summary>
public enum OrchestrationBackend
{
    /// <summary>In process memory (the default): nothing to install, nothing survives a restart.</summary>
    Embedded,

    /// <summary>The Durable Task Framework's Azure Storage provider on <c>AzureWebJobsStorage</c> (Azurite locally).</summary>
    AzureStorage,
}
