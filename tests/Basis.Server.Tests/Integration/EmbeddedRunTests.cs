using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Integration;

/// <summary>Sweeps and failing backtests through the HTTP host in embedded mode, results in a folder.</summary>
public sealed class EmbeddedRunTests : HostedTest
{
    [Fact]
    public async Task A_sweep_ranks_its_runs_by_the_metric_each_run_reports_in_its_own_summary()
    {
        var ct = TestContext.Current.CancellationToken;
        var status = await Host.SubmitAsync("sweeps", new
        {
            strategy_name = "eth_basis",
            start_date = "2025-01-01T00:00:00Z",
            end_date = "2025-04-01T00:00:00Z",
            grid = new Dictionary<string, object[]>
            {
                ["margin_fraction"] = [0.2, 0.25, 0.3],
                ["hedge_allocation"] = [new { binance = 0.4, bybit = 0.3, okx = 0.3 }, new { binance = 0.5, bybit = 0.5, okx = 0 }],
            },
            rank_by = "apy",
        }, ct);
        var done = await Host.WaitAsync(status, ct);
        Assert.True(done.GetProperty("runtimeStatus").GetString() == "Completed", done.ToString());
        var outcome = await Host.GetJsonAsync(done.GetProperty("resultUri").GetString()!, ct);

        var ranking = outcome.GetProperty("ranking").EnumerateArray().ToList();
        var values = ranking.Select(r => r.GetProperty("value").GetDouble()).ToList();
        Assert.Equal(6, ranking.Count);
        Assert.Empty(outcome.GetProperty("failures").EnumerateArray());
        Assert.Equal(values.OrderDescending(), values);
        Assert.True(values.Distinct().Count() > 1, $"every run has apy {values[0]}: the grid changed nothing, so the order proves nothing");
        Assert.Equal(Enumerable.Range(1, 6), ranking.Select(r => r.GetProperty("rank").GetInt32()));

        // The best and the worst run, each read back as its own backtest.
        foreach (var run in (JsonElement[])[ranking[0], ranking[^1]])
        {
            var summary = await Host.GetJsonAsync($"/api/v1/backtests/{run.GetProperty("runId").GetString()}/result", ct);
            Assert.Equal(run.GetProperty("value").GetDouble(), summary.GetProperty("apy").GetDouble());
            Assert.Equal(run.GetProperty("metrics").GetProperty("final_equity").GetDouble(), summary.GetProperty("final_equity").GetDouble());
        }
    }

    [Fact]
    public async Task A_sweep_with_a_grid_value_the_mode_refuses_is_a_400_naming_grid()
    {
        var ct = TestContext.Current.CancellationToken;

        // 0.9 on binance leaves bybit 0.3 and okx 0.3: the weights no longer sum to 1.
        using var response = await Host.Http.PostAsJsonAsync("/api/v1/sweeps", new
        {
            strategy_name = "eth_basis",
            start_date = "2025-01-01T00:00:00Z",
            end_date = "2025-04-01T00:00:00Z",
            grid = new Dictionary<string, double[]> { ["hedge_allocation.binance"] = [0.4, 0.9] },
        }, ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("grid", out var grid), problem.ToString());
        Assert.Contains("hedge_allocation.binance=0.9", grid.ToString(), StringComparison.Ordinal);

        // Refused before anything was recorded or started.
        Assert.Equal(0, (await Host.GetJsonAsync("/api/v1/sweeps", ct)).GetArrayLength());
    }

    [Fact]
    public async Task A_backtest_past_the_end_of_the_data_is_a_400_naming_end_date_and_what_the_data_covers()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await Host.Http.PostAsJsonAsync("/api/v1/backtests", new { strategy_name = "pure_lending_eth", start_date = "2025-03-30T00:00:00Z", end_date = "2025-04-02T00:00:00Z" }, ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = problem.GetProperty("errors").GetProperty("end_date")[0].GetString()!;
        Assert.Contains("must be on or before 2025-04-01T00:00:00Z", message, StringComparison.Ordinal);
        Assert.Contains("covers 2025-01-01T00:00:00Z → 2025-04-01T00:00:00Z", message, StringComparison.Ordinal);
        Assert.Equal(0, (await Host.GetJsonAsync("/api/v1/backtests", ct)).GetArrayLength());
    }
}
