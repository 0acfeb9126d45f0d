using Basis.Orchestrations.Engine;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Basis.Orchestrations.Tests.Engine;

/// <summary>A silo leaves mid-orchestration; the instance resumes from storage and finishes with every result.</summary>
public sealed class SiloFailureTests : IAsyncLifetime
{
    private TestCluster cluster = null!;

    public async ValueTask InitializeAsync()
    {
        cluster = ClusterFixture.BuildCluster(2, typeof(ProcessWideStoreSiloConfigurator));
        await cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await cluster.StopAllSilosAsync();
        await cluster.DisposeAsync();
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public async Task An_orchestration_survives_a_silo_leaving_mid_run_with_every_activity_result_accounted_for(bool siloHostsTheOrchestration, bool killed)
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(TimeSpan.FromSeconds(120));
        var client = new OrchestrationClient(cluster.Client);
        SiloHandle leaving = cluster.SecondarySilos[0];

        // Placement is random: start instances until one sits where this case needs it (each try is a coin flip).
        string id = await client.ScheduleNewOrchestrationInstanceAsync("Batches", 10, cancellationToken: patience.Token);
        for (int tries = 1; (await ClusterInspection.HostOfOrchestration(cluster.Client, id)).Equals(leaving.SiloAddress) != siloHostsTheOrchestration; tries++)
        {
            Assert.True(tries < 30, "30 instances in a row landed on the same silo.");
            await client.TerminateInstanceAsync(id, cancellationToken: patience.Token);
            id = await client.ScheduleNewOrchestrationInstanceAsync("Batches", 10, cancellationToken: patience.Token);
        }

        // Let two of the ten batches finish, so the silo leaves with history recorded and activities in flight.
        while ((await client.GetInstanceAsync(id, patience.Token))?.ReadCustomStatusAs<int>() is not >= 2)
        {
            await Task.Delay(20, patience.Token);
        }

        if (killed)
        {
            await cluster.KillSiloAsync(leaving, patience.Token);
        }
        else
        {
            await cluster.StopSiloAsync(leaving, patience.Token);
        }

        var done = await client.WaitForInstanceCompletionAsync(id, patience.Token);

        SampleOrchestrations.AssertBatchesCompletedWithEveryResultOnce(done);
    }
}

/// <summary>Storage and reminders that outlive a silo (see <see cref="ProcessWideStore"/>), the sample registry, a fast watchdog.</summary>
public sealed class ProcessWideStoreSiloConfigurator : ISiloConfigurator
{
    public void Configure(ISiloBuilder siloBuilder)
    {
        siloBuilder.Services.AddKeyedSingleton<IGrainStorage>(
            OrchestrationEngineOptions.StorageName,
            (services, _) => new ProcessWideGrainStorage(services.GetRequiredService<Orleans.Serialization.Serializer>()));
        siloBuilder.Services.AddSingleton<IReminderTable, ProcessWideReminderTable>();
        siloBuilder
            .AddReminders()
            .AddOrchestrations(SampleOrchestrations.Registry, options =>
            {
                options.WatchdogPeriod = TimeSpan.FromSeconds(2);
                options.ActivityRedeliveryAfter = TimeSpan.FromSeconds(2);
            })
            .Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
    }
}
