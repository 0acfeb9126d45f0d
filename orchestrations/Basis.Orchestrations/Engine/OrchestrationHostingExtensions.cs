using System.Net;
using Basis.Orchestrations.Abstractions;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Basis.Orchestrations.Engine;

/// <summary>Cluster mode on Redis, and the configuration-driven choice between it and the embedded default.</summary>
public static class OrchestrationHostingExtensions
{
    /// <summary>
    /// A silo of a cluster that shares Redis: Orleans' Redis membership, grain storage named
    /// <see cref="OrchestrationEngineOptions.StorageName"/> and reminders, endpoints bound to and advertised on 127.0.0.1.
    /// Instances outlive any silo, and a restarted cluster with the same service id picks them up.
    /// </summary>
    public static ISiloBuilder UseRedisOrchestrations(this ISiloBuilder silo, OrchestrationRegistry registry, RedisClusterOptions redis, Action<OrchestrationEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentException.ThrowIfNullOrWhiteSpace(redis.ConnectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(redis.ClusterId);
        ArgumentException.ThrowIfNullOrWhiteSpace(redis.ServiceId);

        // Each provider owns its multiplexer and may adjust the options it is given, so each gets its own parse.
        return silo
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = redis.ClusterId;
                options.ServiceId = redis.ServiceId;
            })
            .ConfigureEndpoints(IPAddress.Loopback, redis.SiloPort, redis.GatewayPort, listenOnAnyHostAddress: false)
            .UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis.ConnectionString))
            .AddRedisGrainStorage(OrchestrationEngineOptions.StorageName, options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis.ConnectionString))
            .UseRedisReminderService(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis.ConnectionString))
            .AddOrchestrations(registry, configure);
    }

    /// <summary>
    /// The silo a host asks for in configuration (<see cref="OrchestrationHostingOptions.FromConfiguration"/>):
    /// <see cref="OrchestrationSiloBuilderExtensions.UseEmbeddedOrchestrations"/> or <see cref="UseRedisOrchestrations"/>.
    /// </summary>
    public static ISiloBuilder UseOrchestrations(this ISiloBuilder silo, OrchestrationRegistry registry, OrchestrationHostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentNullException.ThrowIfNull(options);
        return options.Mode switch
        {
            OrchestrationClusterMode.Redis => silo.UseRedisOrchestrations(registry, new RedisClusterOptions
            {
                ConnectionString = options.RedisConnection
                    ?? throw new InvalidOperationException($"{OrchestrationHostingOptions.RedisConnectionKey} is required when {OrchestrationHostingOptions.ClusterModeKey} is 'redis'."),
                SiloPort = options.SiloPort,
                GatewayPort = options.GatewayPort,
                ClusterId = options.ClusterId,
            }),
            _ => silo.UseEmbeddedOrchestrations(registry, options.SiloPort, options.GatewayPort),
        };
    }
}
