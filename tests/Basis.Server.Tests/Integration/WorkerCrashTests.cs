using System.Text.Json;
using System.Text.Json.Nodes;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Integration;

/// <summary>
/// Two <c>basis serve</c> processes on one Azure Storage task hub (Azurite) with their results in one PostgreSQL: a
/// 200-run sweep completes when one of them is killed (SIGKILL) in the middle, every run's summary is the one a single
/// process computes, and a backtest submitted to the dead process is finished by the survivor, never left Running.
/// </summary>
public sealed class WorkerCrashTests(StorageServices services) : IClassFixture<StorageServices>
{
    private static readonly double[] Fractions = [.. Enumerable.Range(0, 20).Select(i => 0.16 + (i * 0.01))];
    private static readonly double[] Drifts = [0.005, 0.01, 0.015, 0.02, 0.025, 0.03, 0.035, 0.04, 0.045, 0.05];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_sweep_survives_the_death_of_one_of_two_workers_with_the_single_process_results()
    {
        using var temp = new TempFolder();
        var settings = new Dictionary<string, string>
        {
            ["BASIS_ORCHESTRATION_BACKEND"] = "azure_storage",
            ["AzureWebJobsStorage"] = services.Azurite.ConnectionString,
            ["BASIS_TASK_HUB"] = "crashtest",
            ["BASIS_DATABASE_CONNECTION"] = await services.Postgres.CreateDatabaseAsync(),
            ["BASIS_DATA_DIR"] = Repository.SampleData,
        };
        var sweep = new
        {
            strategy_name = "eth_basis",
            start_date = "2025-01-01T00:00:00Z",
            end_date = "2025-02-01T00:00:00Z",
            grid = new Dictionary<string, double[]> { ["margin_fraction"] = Fractions, ["max_delta_drift"] = Drifts },
            rank_by = "apy",
        };

        using var doomed = await ServerProcess.StartAsync(settings, Token);
        using var survivor = await ServerProcess.StartAsync(settings, Token);
        var sweepId = await doomed.SubmitAsync("sweeps", sweep, Token);

        // Once runs are finishing, the process that took the sweep dies without warning, with a backtest of its own.
        await WaitUntilAsync(survivor, $"/api/v1/sweeps/{sweepId}", s => s.GetProperty("customStatus") is { ValueKind: JsonValueKind.Object } p && p.GetProperty("completed").GetInt32() >= 20, TimeSpan.FromMinutes(3));
        var backtestId = await doomed.SubmitAsync("backtests", new { strategy_name = "pure_lending_usdt", start_date = "2025-01-01", end_date = "2025-04-01" }, Token);
        doomed.Kill();

        var finished = await WaitUntilAsync(survivor, $"/api/v1/sweeps/{sweepId}", s => s.GetProperty("runtimeStatus").GetString() is not ("Pending" or "Running"), TimeSpan.FromMinutes(5));
        Assert.True(finished.GetProperty("runtimeStatus").GetString() == "Completed", $"{finished}\n--- survivor\n{survivor.Output}");
        var ranking = await survivor.GetJsonAsync($"/api/v1/sweeps/{sweepId}/result", Token);
        Assert.Equal(200, ranking.GetProperty("ranking").GetArrayLength());
        Assert.Empty(ranking.GetProperty("failures").EnumerateArray());

        var backtest = await WaitUntilAsync(survivor, $"/api/v1/backtests/{backtestId}", s => s.GetProperty("runtimeStatus").GetString() is not ("Pending" or "Running"), TimeSpan.FromMinutes(3));
        Assert.Equal("Completed", backtest.GetProperty("runtimeStatus").GetString());

        // Every run against the same sweep run by one embedded process.
        await using var single = await PipelineHost.StartAsync(temp.Combine("single"), cancellationToken: Token);
        var reference = await single.WaitAsync(await single.SubmitAsync("sweeps", sweep, Token), Token);
        var referenceId = reference.GetProperty("id").GetString()!;
        for (var i = 0; i < 200; i++)
        {
            var survived = await survivor.GetJsonAsync($"/api/v1/backtests/{sweepId}-{i:D5}/result", Token);
            var alone = await single.GetJsonAsync($"/api/v1/backtests/{referenceId}-{i:D5}/result", Token);
            Assert.Equal(Comparable(alone), Comparable(survived));
        }

        // The records agree: no run of the sweep, nor the backtest, is left unfinished.
        var records = await WaitUntilAsync(survivor, "/api/v1/backtests?limit=1000", list => list.EnumerateArray().Count(r => r.GetProperty("sweep").GetString() == sweepId) == 200, TimeSpan.FromMinutes(1));
        Assert.All(records.EnumerateArray().Where(r => r.GetProperty("sweep").GetString() == sweepId || r.GetProperty("id").GetString() == backtestId), r => Assert.Equal("Completed", r.GetProperty("status").GetString()));
    }

    /// <summary>A summary without what differs between identical runs: its id and its timing.</summary>
    private static string Comparable(JsonElement summary)
    {
        var json = JsonNode.Parse(summary.GetRawText())!.AsObject();
        json.Remove("run_id");
        json.Remove("elapsed_ms");
        return json.ToJsonString();
    }

    private static async Task<JsonElement> WaitUntilAsync(ServerProcess server, string path, Func<JsonElement, bool> done, TimeSpan patience)
    {
        var deadline = DateTime.UtcNow + patience;
        while (true)
        {
            var state = await server.GetJsonAsync(path, Token);
            if (done(state))
            {
                return state;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{path} after {patience}: {state}\n--- output\n{server.Output}");
            await Task.Delay(250, Token);
        }
    }
}
