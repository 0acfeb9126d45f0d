namespace Basis.Orchestrations.Engine;

/// <summary>Where a silo of a Redis-backed cluster finds Redis and how it shows itself to the other silos.</summary>
public sealed class RedisClusterOptions
{
    /// <summary>A StackExchange.Redis configuration string, e.g. <c>127.0.0.1:6379,password=…</c>. Never logged.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Silo-to-silo port on 127.0.0.1.</summary>
    public int SiloPort { get; init; } = OrchestrationHostingOptions.DefaultSiloPort;

    /// <summary>Client gateway port on 127.0.0.1.</summary>
    public int GatewayPort { get; init; } = OrchestrationHostingOptions.DefaultGatewayPort;

    /// <summary>Silos with the same cluster id (and service id) form one cluster.</summary>
    public string ClusterId { get; init; } = OrchestrationHostingOptions.DefaultClusterId;

    /// <summary>
    /// Names the application across deployments: grain state and reminders in Redis are keyed by it, so it must
    /// stay the same for a restarted cluster to find its instances.
    /// </summary>
    public string ServiceId { get; init; } = OrchestrationHostingOptions.DefaultServiceId;
}
