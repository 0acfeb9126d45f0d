using System.Net;
using System.Text.Json;
using Basis.Data.Stores;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Integration;

/// <summary>
/// Run records are true and final, whatever happens to the run: a failed run says why, a terminated run or sweep
/// says Terminated in its status, the list and the stored record, a terminated sweep stops its pending runs, and a
/// run an embedded host lost when it stopped is Failed with the reason after the restart, never Running forever.
/// </summary>
public sealed class RunRecordTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_run_that_fails_is_recorded_failed_with_the_activity_s_error_everywhere()
    {
        var data = GappySample.Create(_temp.Combine("gappy"));
        await using var host = await PipelineHost.StartAsync(_temp.Combine("results"), new Dictionary<string, string> { ["BASIS_DATA_DIR"] = data }, Token);
        var status = await host.SubmitAsync("backtests", new { strategy_name = "pure_lending_eth", start_date = "2025-03-01", end_date = "2025-04-01" }, Token);

        var done = await host.WaitAsync(status, Token);
        var id = done.GetProperty("id").GetString()!;

        Assert.Equal("Failed", done.GetProperty("runtimeStatus").GetString());
        var error = done.GetProperty("error").GetString()!;
        Assert.Contains("oracle/aave/ETH-USD has no value", error, StringComparison.Ordinal);
        Assert.Equal(("Failed", error), Listed(await host.GetJsonAsync("/api/v1/backtests", Token), id));
        var record = await StoredAsync(id);
        Assert.Equal((RunStatus.Failed, error), (record.Status, record.Error));
        using var result = await host.Http.GetAsync(new Uri(status + "/result"), Token);
        Assert.Equal(HttpStatusCode.Conflict, result.StatusCode);
    }

    [Fact]
    public async Task A_terminated_sweep_stops_its_pending_runs_and_status_list_and_store_say_terminated()
    {
        await using var host = await PipelineHost.StartAsync(_temp.Combine("results"), cancellationToken: Token);
        var values = Enumerable.Range(0, 100).Select(i => 0.2 + (i * 0.001)).ToArray();
        var status = await host.SubmitAsync("sweeps", new
        {
            strategy_name = "eth_basis",
            start_date = "2025-01-01",
            end_date = "2025-03-01",
            grid = new Dictionary<string, object[]> { ["margin_fraction"] = [.. values.Cast<object>()], ["max_delta_drift"] = [0.01, 0.02, 0.03] },
        }, Token);
        var id = status[(status.LastIndexOf('/') + 1)..];

        // Let the first runs finish, then stop it.
        while ((await host.GetJsonAsync(status, Token)).GetProperty("customStatus") is not { ValueKind: JsonValueKind.Object } progress || progress.GetProperty("completed").GetInt32() == 0)
        {
            await Task.Delay(20, Token);
        }

        using (var terminate = await host.Http.DeleteAsync(new Uri(status), Token))
        {
            Assert.Equal(HttpStatusCode.Accepted, terminate.StatusCode);
        }

        Assert.Equal("Terminated", (await host.GetJsonAsync(status, Token)).GetProperty("runtimeStatus").GetString());
        Assert.Equal("Terminated", Listed(await host.GetJsonAsync("/api/v1/sweeps", Token), id).Status);
        Assert.Equal(RunStatus.Terminated, (await StoredAsync(id)).Status);

        // Within seconds no run of it is pending or running; each has a final record, most never started.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<JsonElement> runs;
        do
        {
            await Task.Delay(100, Token);
            runs = [.. (await host.GetJsonAsync("/api/v1/backtests?limit=1000", Token)).EnumerateArray().Where(r => r.GetProperty("sweep").GetString() == id)];
        }
        while (runs.Any(r => r.GetProperty("status").GetString() is "Pending" or "Running") && DateTime.UtcNow < deadline);

        Assert.NotEmpty(runs);
        Assert.All(runs, r => Assert.Contains(r.GetProperty("status").GetString(), (string[])["Completed", "Terminated"]));
        Assert.Contains(runs, r => r.GetProperty("status").GetString() == "Completed");
        Assert.True(runs.Count < 300, $"{runs.Count} of 300 runs have records: the terminated sweep kept starting runs");
        using var again = await host.Http.DeleteAsync(new Uri(status), Token);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task A_run_an_embedded_host_lost_when_it_stopped_is_failed_with_the_reason_after_restart()
    {
        var results = _temp.Combine("results");
        string status;
        string id;
        await using (var first = await PipelineHost.StartAsync(results, cancellationToken: Token))
        {
            // Three hundred runs cannot finish before the host stops.
            status = await first.SubmitAsync("sweeps", new
            {
                strategy_name = "eth_basis",
                start_date = "2025-01-01",
                end_date = "2025-04-01",
                grid = new Dictionary<string, object[]> { ["margin_fraction"] = [.. Enumerable.Range(0, 100).Select(i => (object)(0.2 + (i * 0.001)))], ["max_delta_drift"] = [0.01, 0.02, 0.03] },
            }, Token);
            id = status[(status.LastIndexOf('/') + 1)..];
        }

        Assert.False((await StoredAsync(id)).Status.IsFinished());

        await using var second = await PipelineHost.StartAsync(results, cancellationToken: Token);
        var state = await second.GetJsonAsync($"/api/v1/sweeps/{id}", Token);

        Assert.Equal("Failed", state.GetProperty("runtimeStatus").GetString());
        Assert.Contains("the host running this stopped before it finished", state.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("Failed", Listed(await second.GetJsonAsync("/api/v1/sweeps", Token), id).Status);
        Assert.Equal(RunStatus.Failed, (await StoredAsync(id)).Status);
    }

    private static (string Status, string? Error) Listed(JsonElement list, string id)
    {
        var entry = list.EnumerateArray().Single(r => r.GetProperty("id").GetString() == id);
        return (entry.GetProperty("status").GetString()!, entry.GetProperty("error").GetString());
    }

    private async Task<RunRecord> StoredAsync(string id) => (await new FolderResultStore(_temp.Combine("results")).GetRunAsync(id, Token))!;
}
