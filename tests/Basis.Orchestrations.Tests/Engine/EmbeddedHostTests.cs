using System.Net;
using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Engine;
using Basis.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Basis.Orchestrations.Tests.Engine;

/// <summary>The embedded default as a host would use it: one silo in a generic host, localhost clustering, in-memory storage.</summary>
public sealed class EmbeddedHostTests
{
    [Fact]
    public async Task An_embedded_silo_runs_an_orchestration_on_loopback()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo => silo.UseEmbeddedOrchestrations(SampleOrchestrations.Registry, ServiceRequirement.FreeLoopbackPort(), ServiceRequirement.FreeLoopbackPort()));
        using IHost host = builder.Build();
        await host.StartAsync(ct);
        try
        {
            var client = host.Services.GetRequiredService<IOrchestrationClient>();
            string id = await client.ScheduleNewOrchestrationInstanceAsync("FanOut", 10, cancellationToken: ct);

            using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
            patience.CancelAfter(TimeSpan.FromSeconds(60));
            var done = await client.WaitForInstanceCompletionAsync(id, patience.Token);

            // 1² + … + 10² = 385
            Assert.Equal(385, done.ReadOutputAs<int>());
            var silo = host.Services.GetRequiredService<ILocalSiloDetails>();
            Assert.Equal(IPAddress.Loopback, silo.SiloAddress.Endpoint.Address);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_silo_runs_at_most_its_limit_of_activities_at_once()
    {
        CancellationToken ct = TestContext.Current.CancellationToken;
        var running = 0;
        var most = 0;
        var registry = new OrchestrationRegistry()
            .AddActivity<int, int>("Hold", async (_, n) =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref most, now);
                await Task.Delay(20, ct);
                Interlocked.Decrement(ref running);
                return n;
            })
            .AddOrchestrator("Wide", async context =>
            {
                int[] results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => context.CallActivityAsync<int>("Hold", i)));
                return results.Length;
            });
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleans(silo =>
        {
            silo.UseEmbeddedOrchestrations(registry, ServiceRequirement.FreeLoopbackPort(), ServiceRequirement.FreeLoopbackPort());
            silo.Services.Configure<OrchestrationEngineOptions>(o => o.MaxConcurrentActivities = 3);
        });
        using IHost host = builder.Build();
        await host.StartAsync(ct);
        try
        {
            var client = host.Services.GetRequiredService<IOrchestrationClient>();
            string id = await client.ScheduleNewOrchestrationInstanceAsync("Wide", cancellationToken: ct);
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
            patience.CancelAfter(TimeSpan.FromSeconds(60));
            var done = await client.WaitForInstanceCompletionAsync(id, patience.Token);

            Assert.Equal(30, done.ReadOutputAs<int>());
            Assert.Equal(3, most);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }
}
