using System.Globalization;
using Microsoft.Extensions.Configuration;
using StackExchange.Redis;

namespace Basis.Orchestrations.Engine;

/// <summary>Which backing a host's silo uses: one process on its own, or a cluster sharing Redis.</summary>
public enum OrchestrationClusterMode
{
    /// <summary>Localhost clustering, in-memory storage and reminders (<see cref="OrchestrationSiloBuilderExtensions.UseEmbeddedOrchestrations"/>).</summary>
    Embedded,

    /// <summary>Redis clustering, grain storage and reminders (<see cref="OrchestrationHostingExtensions.UseRedisOrchestrations"/>).</summary>
    Redis,
}

/// <summary>A host's orchestration settings, read from configuration (environment variables in practice).</summary>
public sealed class OrchestrationHostingOptions
{
    public const string ClusterModeKey = "BASIS_CLUSTER_MODE";
    public const string RedisConnectionKey = "BASIS_REDIS_CONNECTION";
    public const string SiloPortKey = "BASIS_SILO_PORT";
    public const string GatewayPortKey = "BASIS_GATEWAY_PORT";
    public const string ClusterIdKey = "BASIS_CLUSTER_ID";

    public const int DefaultSiloPort = 11111;
    public const int DefaultGatewayPort = 30000;
    public const string DefaultClusterId = "basis";
    public const string DefaultServiceId = "basis";

    public OrchestrationClusterMode Mode { get; init; } = OrchestrationClusterMode.Embedded;

    /// <summary>Set when <see cref="Mode"/> is <see cref="OrchestrationClusterMode.Redis"/>. Never logged: it may hold a password.</summary>
    public string? RedisConnection { get; init; }

    public int SiloPort { get; init; } = DefaultSiloPort;

    public int GatewayPort { get; init; } = DefaultGatewayPort;

    /// <summary>Used in Redis mode; the embedded silo is a cluster of one.</summary>
    public string ClusterId { get; init; } = DefaultClusterId;

    /// <summary>
    /// Reads <c>BASIS_CLUSTER_MODE</c> (<c>embedded</c> | <c>redis</c>), <c>BASIS_REDIS_CONNECTION</c> (required for
    /// redis), <c>BASIS_SILO_PORT</c>, <c>BASIS_GATEWAY_PORT</c> and <c>BASIS_CLUSTER_ID</c>. An empty value counts as
    /// unset. A bad value throws <see cref="InvalidOperationException"/> naming its key, so a host fails at start.
    /// </summary>
    public static OrchestrationHostingOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        OrchestrationClusterMode mode = Value(configuration, ClusterModeKey)?.ToUpperInvariant() switch
        {
            null or "EMBEDDED" => OrchestrationClusterMode.Embedded,
            "REDIS" => OrchestrationClusterMode.Redis,
            _ => throw new InvalidOperationException($"{ClusterModeKey} must be 'embedded' or 'redis', not '{Value(configuration, ClusterModeKey)}'."),
        };

        string? redis = Value(configuration, RedisConnectionKey);
        if (mode == OrchestrationClusterMode.Redis)
        {
            ValidateRedisConnection(redis);
        }

        int siloPort = Port(configuration, SiloPortKey, DefaultSiloPort);
        int gatewayPort = Port(configuration, GatewayPortKey, DefaultGatewayPort);
        if (siloPort == gatewayPort)
        {
            throw new InvalidOperationException($"{SiloPortKey} and {GatewayPortKey} must differ; both are {siloPort}.");
        }

        return new OrchestrationHostingOptions
        {
            Mode = mode,
            RedisConnection = redis,
            SiloPort = siloPort,
            GatewayPort = gatewayPort,
            ClusterId = Value(configuration, ClusterIdKey) ?? DefaultClusterId,
        };
    }

    private static string? Value(IConfiguration configuration, string key) =>
        string.IsNullOrWhiteSpace(configuration[key]) ? null : configuration[key]!.Trim();

    private static int Port(IConfiguration configuration, string key, int fallback)
    {
        string? text = Value(configuration, key);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int port) && port is > 0 and <= 65535
            ? port
            : throw new InvalidOperationException($"{key} must be a TCP port number from 1 to 65535, not '{text}'.");
    }

    // The messages name the key but never quote the value: it may carry a password.
    private static void ValidateRedisConnection(string? connection)
    {
        if (connection is null)
        {
            throw new InvalidOperationException($"{RedisConnectionKey} is required when {ClusterModeKey} is 'redis' (e.g. '127.0.0.1:6379').");
        }

        ConfigurationOptions parsed;
        try
        {
            parsed = ConfigurationOptions.Parse(connection);
        }
        catch (ArgumentException)
        {
            throw new InvalidOperationException($"{RedisConnectionKey} is not a valid StackExchange.Redis configuration string.");
        }

        if (parsed.EndPoints.Count == 0)
        {
            throw new InvalidOperationException($"{RedisConnectionKey} names no Redis endpoint (expected e.g. '127.0.0.1:6379').");
        }
    }
}
