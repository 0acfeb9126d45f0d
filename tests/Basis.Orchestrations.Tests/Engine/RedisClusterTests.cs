using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Engine;
using Basis.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Basis.Orchestrations.Tests.Engine;

/// <summary>Cluster mode against a real redis-server on loopback: membership, grain state and reminders all in Redis.</summary>
public sealed class RedisClusterTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Two_silos_cluster_through_redis_and_complete_a_fan_out_of_200_activities_started_from_a_client()
    {
        using var patience = Deadline();
        await using RedisServer redis = await RedisServer.StartAsync(patience.Token);
        await using RedisSilo first = await RedisSilo.StartAsync(redis, patience.Token);
        await using RedisSilo second = await RedisSilo.StartAsync(redis, patience.Token);
        using IHost clientHost = await RedisSilo.StartClientAsync(redis, patience.Token);
        try
        {
            var client = new OrchestrationClient(clientHost.Services.GetRequiredService<IClusterClient>());

            string id = await client.ScheduleNewOrchestrationInstanceAsync("FanOut", 200, cancellationToken: patience.Token);
            var done = await client.WaitForInstanceCompletionAsync(id, patience.Token);

            // Σ i² for i = 1..200 = 200·201·401 / 6 = 2,686,700
            Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
            Assert.Equal(2_686_700, done.ReadOutputAs<int>());
            Assert.Equal(200, SampleOrchestrations.SquareCalls.Keys.Count(k => k.StartsWith(id + "|", StringComparison.Ordinal)));
            SiloAddress[] members = await ClusterInspection.ActiveSilos(first.Grains);
            Assert.Equal(new[] { first.Address, second.Address }.Order(), members);
            Assert.All(members, silo => Assert.Equal("127.0.0.1", silo.Endpoint.Address.ToString()));
        }
        finally
        {
            await clientHost.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_orchestration_completes_with_every_result_after_the_silo_hosting_it_stops_mid_run()
    {
        using var patience = Deadline();
        await using RedisServer redis = await RedisServer.StartAsync(patience.Token);
        await using RedisSilo leaving = await RedisSilo.StartAsync(redis, patience.Token);
        await using RedisSilo staying = await RedisSilo.StartAsync(redis, patience.Token);
        IOrchestrationClient client = staying.Client;

        // Placement is random: start instances until one is hosted by the silo that will leave.
        string id = await client.ScheduleNewOrchestrationInstanceAsync("Batches", 10, cancellationToken: patience.Token);
        for (int tries = 1; !(await ClusterInspection.HostOfOrchestration(staying.Grains, id)).Equals(leaving.Address); tries++)
        {
            Assert.True(tries < 30, "30 instances in a row landed on the staying silo.");
            await client.TerminateInstanceAsync(id, cancellationToken: patience.Token);
            id = await client.ScheduleNewOrchestrationInstanceAsync("Batches", 10, cancellationToken: patience.Token);
        }

        // Let two of the ten batches finish, so the silo leaves with history recorded and activities in flight.
        while ((await client.GetInstanceAsync(id, patience.Token))?.ReadCustomStatusAs<int>() is not >= 2)
        {
            await Task.Delay(20, patience.Token);
        }

        await leaving.StopAsync();
        var done = await client.WaitForInstanceCompletionAsync(id, patience.Token);

        SampleOrchestrations.AssertBatchesCompletedWithEveryResultOnce(done);
    }

    [Fact]
    public async Task A_completed_instance_is_still_there_after_every_silo_stops_and_a_new_one_starts_on_the_same_redis()
    {
        using var patience = Deadline();
        await using RedisServer redis = await RedisServer.StartAsync(patience.Token);
        string id;
        OrchestrationMetadata before;
        await using (RedisSilo silo = await RedisSilo.StartAsync(redis, patience.Token))
        {
            id = await silo.Client.ScheduleNewOrchestrationInstanceAsync("FanOut", 20, cancellationToken: patience.Token);
            before = await silo.Client.WaitForInstanceCompletionAsync(id, patience.Token);
        }

        await using RedisSilo restarted = await RedisSilo.StartAsync(redis, patience.Token);
        OrchestrationMetadata? after = await restarted.Client.GetInstanceAsync(id, patience.Token);

        // 1² + … + 20² = 2,870, read back from Redis by a silo that never ran the instance.
        Assert.NotNull(after);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, after.RuntimeStatus);
        Assert.Equal(2_870, after.ReadOutputAs<int>());
        Assert.Equal(before, after);
    }

    private static CancellationTokenSource Deadline()
    {
        var patience = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        patience.CancelAfter(Patience);
        return patience;
    }
}
