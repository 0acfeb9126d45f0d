using System.Globalization;
using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Engine;
using Basis.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using StackExchange.Redis;

namespace Basis.Orchestrations.Tests.Engine;

/// <summary>
/// A silo in its own generic host, set up as a host is: <c>BASIS_*</c> settings → <see cref="OrchestrationHostingOptions"/>
/// → <see cref="OrchestrationHostingExtensions.UseOrchestrations"/>, with a fast watchdog for tests.
/// </summary>
internal sealed class RedisSilo : IAsyncDisposable
{
    public const string ClusterId = "redis-tests";

    private readonly IHost host;
    private bool stopped;

    private RedisSilo(IHost host) => this.host = host;

    public IOrchestrationClient Client => host.Services.GetRequiredService<IOrchestrationClient>();

    public IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    public SiloAddress Address => host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;

    public static async Task<RedisSilo> StartAsync(RedisServer redis, CancellationToken cancellationToken)
    {
        IConfiguration settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [OrchestrationHostingOptions.ClusterModeKey] = "redis",
            [OrchestrationHostingOptions.RedisConnectionKey] = redis.ConnectionString,
            [OrchestrationHostingOptions.SiloPortKey] = ServiceRequirement.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture),
            [OrchestrationHostingOptions.GatewayPortKey] = ServiceRequirement.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture),
            [OrchestrationHostingOptions.ClusterIdKey] = ClusterId,
        }).Build();

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(silo => silo
            .UseOrchestrations(SampleOrchestrations.Registry, OrchestrationHostingOptions.FromConfiguration(settings))
            .Configure<OrchestrationEngineOptions>(options =>
            {
                options.WatchdogPeriod = TimeSpan.FromSeconds(2);
                options.ActivityRedeliveryAfter = TimeSpan.FromSeconds(2);
            })
            .Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1)));
        IHost host = builder.Build();
        await host.StartAsync(cancellationToken);
        return new RedisSilo(host);
    }

    /// <summary>A cluster client in its own host that finds the gateways through Redis, as an API host would.</summary>
    public static async Task<IHost> StartClientAsync(RedisServer redis, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis.ConnectionString))
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = ClusterId;
                options.ServiceId = OrchestrationHostingOptions.DefaultServiceId;
            }));
        IHost host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    /// <summary>Graceful stop: the silo marks itself dead in the membership table and hands its grains off.</summary>
    public async Task StopAsync()
    {
        if (!stopped)
        {
            stopped = true;
            await host.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        host.Dispose();
    }
}
