using System.Net;
using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Engine;
using Orleans.Configuration;
using Orleans.TestingHost;

namespace Basis.Orchestrations.Tests.Engine;

/// <summary>An in-process two-silo Orleans cluster on 127.0.0.1 with the sample orchestrations, shared by the contract tests.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    public IOrchestrationClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Cluster = BuildCluster(2, typeof(EmbeddedSiloConfigurator));
        await Cluster.DeployAsync();
        Client = new OrchestrationClient(Cluster.Client);
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    internal static TestCluster BuildCluster(short silos, Type configurator)
    {
        var builder = new TestClusterBuilder(silos);
        builder.Options.ServiceId = "basis-orchestrations-tests";
        builder.Options.ClusterId = "test-" + Guid.NewGuid().ToString("N")[..8];
        builder.AddSiloBuilderConfigurator<LoopbackSiloConfigurator>();
        builder.Options.SiloBuilderConfiguratorTypes.Add(configurator.AssemblyQualifiedName!);
        return builder.Build();
    }

    /// <summary>Only loopback traffic is allowed on these machines: bind and advertise 127.0.0.1.</summary>
    private sealed class LoopbackSiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) =>
            siloBuilder.Configure<EndpointOptions>(options =>
            {
                options.AdvertisedIPAddress = IPAddress.Loopback;
                options.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, options.SiloPort);
                options.GatewayListeningEndpoint = options.GatewayPort == 0 ? null : new IPEndPoint(IPAddress.Loopback, options.GatewayPort);
            });
    }
}

/// <summary>Embedded storage and reminders, the sample registry, a fast watchdog.</summary>
public sealed class EmbeddedSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder) =>
        siloBuilder
            .UseEmbeddedOrchestrationStorage()
            .AddOrchestrations(SampleOrchestrations.Registry, options =>
            {
                options.WatchdogPeriod = TimeSpan.FromSeconds(2);
                options.ActivityRedeliveryAfter = TimeSpan.FromSeconds(2);
            })
            .Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
}

[CollectionDefinition(Name)]
public sealed class ClusterGroup : ICollectionFixture<ClusterFixture>
{
    public const string Name = "Orleans cluster";
}
