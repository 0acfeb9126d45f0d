using System.Diagnostics;
using System.Text.Json;
using Basis.Server.Tests.Support;
using Basis.Orchestrations.Sweeps;
using Basis.Testing;

namespace Basis.Server.Tests.Integration;

/// <summary>Two HTTP hosts as silos of one Redis cluster, sharing one PostgreSQL result store.</summary>
public sealed class RedisClusterSweepTests(RedisClusterSweepTests.Database database) : IClassFixture<RedisClusterSweepTests.Database>
{
    [Fact]
    public async Task A_sweep_completes_with_every_run_ranked_when_the_other_silo_stops_mid_sweep()
    {
        var ct = TestContext.Current.CancellationToken;
        using var temp = new TempFolder();
        await using var redis = await RedisServer.StartAsync(ct);
        var settings = new Dictionary<string, string>
        {
            ["BASIS_CLUSTER_MODE"] = "redis",
            ["BASIS_REDIS_CONNECTION"] = redis.ConnectionString,
            ["BASIS_CLUSTER_ID"] = "integration",
            ["BASIS_DATABASE_CONNECTION"] = await database.Server.CreateDatabaseAsync(),
        };
        await using var staying = await PipelineHost.StartAsync(temp.Combine("unused"), settings, ct);
        await using var leaving = await PipelineHost.StartAsync(temp.Combine("unused"), settings, ct);
        await WaitForSilosAsync(staying, 2, ct);

        // 5 × 4 = 20 runs of three months: enough that the sweep is still running when the silo leaves.
        var status = await staying.SubmitAsync("sweeps", new
        {
            strategy_name = "eth_basis",
            start_date = "2025-01-01T00:00:00Z",
            end_date = "2025-04-01T00:00:00Z",
            grid = new Dictionary<string, object[]>
            {
                ["margin_fraction"] = [0.2, 0.25, 0.3, 0.35, 0.38],
                ["hedge_allocation"] =
                [
                    new { binance = 0.4, bybit = 0.3, okx = 0.3 },
                    new { binance = 0.5, bybit = 0.5, okx = 0 },
                    new { binance = 1, bybit = 0, okx = 0 },
                    new { binance = 0, bybit = 1, okx = 0 },
                ],
            },
            rank_by = "apy",
        }, ct);

        var finishedAtStop = await WaitForRunsStartedAsync(staying, status, ct);
        var stopped = Stopwatch.StartNew();
        await leaving.StopAsync();
        var done = await staying.WaitAsync(status, ct);
        TestContext.Current.TestOutputHelper?.WriteLine($"{finishedAtStop} of 20 runs had finished when the silo left; the sweep finished {stopped.Elapsed.TotalSeconds:F1} s after the stop began");

        Assert.True(finishedAtStop < 20, $"all {finishedAtStop} runs had finished before the silo left: nothing was tested");

        // A graceful stop hands its work over at once; only a crash should have to wait for the watchdog (1 min).
        Assert.True(stopped.Elapsed < TimeSpan.FromSeconds(45), $"the sweep took {stopped.Elapsed.TotalSeconds:F0} s to finish after the silo began to leave: a message was lost and the watchdog recovered it");
        Assert.True(done.GetProperty("runtimeStatus").GetString() == "Completed", done.ToString());
        var outcome = await staying.GetJsonAsync(done.GetProperty("resultUri").GetString()!, ct);
        var ranking = outcome.GetProperty("ranking").EnumerateArray().ToList();
        var id = done.GetProperty("id").GetString()!;
        Assert.Empty(outcome.GetProperty("failures").EnumerateArray());
        Assert.Equal(Enumerable.Range(0, 20).Select(i => SweepGrid.RunId(id, i)).Order(StringComparer.Ordinal), ranking.Select(r => r.GetProperty("runId").GetString()!).Order(StringComparer.Ordinal));
        var values = ranking.Select(r => r.GetProperty("value").GetDouble()).ToList();
        Assert.Equal(values.OrderDescending(), values);
        Assert.True(values.Distinct().Count() > 1, "every run has the same apy: the order proves nothing");
    }

    /// <summary>Waits until the cluster's health reports <paramref name="count"/> active silos, so runs spread over both.</summary>
    private static async Task WaitForSilosAsync(PipelineHost host, int count, CancellationToken ct)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(PipelineHost.Patience);
        var expected = $"redis, {count} active silo(s)";
        while (!(await host.GetJsonAsync("/health/detailed", patience.Token)).GetProperty("components").EnumerateArray()
            .Any(c => c.GetProperty("name").GetString() == "orchestration_cluster" && c.GetRawText().Contains(expected, StringComparison.Ordinal)))
        {
            await Task.Delay(100, patience.Token);
        }
    }

    /// <summary>
    /// Polls the sweep's progress until its runs are started (phase <c>running</c>, set once every run is scheduled);
    /// returns how many had already reported back. Runs finish in a burst a second or two later, so waiting for the
    /// first finished one would often find them all done.
    /// </summary>
    private static async Task<int> WaitForRunsStartedAsync(PipelineHost host, string status, CancellationToken ct)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(ct);
        patience.CancelAfter(PipelineHost.Patience);
        while (true)
        {
            var state = await host.GetJsonAsync(status, patience.Token);
            if (state.GetProperty("customStatus") is { ValueKind: JsonValueKind.Object } progress && progress.GetProperty("phase").GetString() == "running")
            {
                return progress.GetProperty("completed").GetInt32() + progress.GetProperty("failed").GetInt32();
            }

            Assert.True(state.GetProperty("runtimeStatus").GetString() is "Pending" or "Running", state.ToString());
            await Task.Delay(10, patience.Token);
        }
    }

    /// <summary>One PostgreSQL for the class; each test takes its own database.</summary>
    public sealed class Database : IAsyncLifetime
    {
        public PostgresServer Server { get; } = new();

        public ValueTask InitializeAsync() => Server.InitializeAsync();

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
