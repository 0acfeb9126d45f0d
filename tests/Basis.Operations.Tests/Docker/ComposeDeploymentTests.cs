using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Basis.Operations.Tests.Support;

namespace Basis.Operations.Tests.Docker;

/// <summary>The whole stack, started and restarted through deploy.sh: server, PostgreSQL, Azurite and Caddy.</summary>
[Collection(NeedsServerImage.Name)]
public sealed class ComposeDeploymentTests(ComposeDeployment stack) : IClassFixture<ComposeDeployment>
{
    [Fact]
    public async Task Deploy_starts_every_service_healthy_and_the_server_uses_postgresql_and_azurite()
    {
        Assert.Contains($"healthy: http://127.0.0.1:{stack.ApiPort}/health", stack.StartOutput, StringComparison.Ordinal);
        Assert.Contains($"healthy: http://127.0.0.1:{stack.HttpPort}/health", stack.StartOutput, StringComparison.Ordinal);
        Assert.Contains("healthy: server postgres azurite caddy (Docker's health checks)", stack.StartOutput, StringComparison.Ordinal);
        Assert.Contains($"dashboard: http://127.0.0.1:{stack.ApiPort}/", stack.StartOutput, StringComparison.Ordinal);

        // Through Caddy: the web dashboard's page (the server image's build) and the API reference.
        var cancel = TestContext.Current.CancellationToken;
        foreach (var (path, marker) in (ValueTuple<string, string>[])[("", "<div id=\"root\">"), ("live", "<div id=\"root\">"), ("docs/", "<title>Basis API reference</title>")])
        {
            using var page = await stack.Site.GetAsync(path, cancel);
            var html = await page.Content.ReadAsStringAsync(cancel);
            Assert.True(page.IsSuccessStatusCode && html.Contains(marker, StringComparison.Ordinal), $"/{path} through Caddy: {(int)page.StatusCode} {html}");
        }

        var detailed = await Api.GetObjectAsync(stack.Site, "health/detailed");
        Assert.Equal("healthy", detailed["status"]!.GetValue<string>());
        Assert.Equal("postgresql", detailed["components"]!["result_store"]!["description"]!.GetValue<string>());
        Assert.StartsWith("azure storage", detailed["components"]!["orchestration"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);

        var status = (await stack.DeployAsync("all", "status")).EnsureSuccess("deploy.sh local all status").Output;
        foreach (var service in (string[])["server", "postgres", "azurite", "caddy"])
        {
            Assert.Matches($"_{service}_1 .*Up \\(healthy\\)", status);
        }
    }

    [Fact]
    public async Task The_documented_database_backup_dumps_the_run_records()
    {
        var id = await Api.StartBacktestAsync(stack.Site, "pure_lending_usdt", "2025-01-01T00:00:00Z", "2025-02-01T00:00:00Z");
        await Api.WaitFinishedAsync(stack.Site, "backtests", id, TimeSpan.FromMinutes(2));

        // docs/operations.md's command, in plain format so the dump can be read here.
        var dump = (await stack.ComposeAsync("exec", "-T", "postgres", "pg_dump", "--username", "basis", "--port", stack.PostgresPort, "--format", "plain", "basis"))
            .EnsureSuccess("pg_dump in the postgres container").Output;

        Assert.Contains("CREATE TABLE public.runs", dump, StringComparison.Ordinal);
        Assert.Contains(id, dump, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sweep_and_a_backtest_survive_a_restart_of_the_backend_with_their_records_intact()
    {
        var cancel = TestContext.Current.CancellationToken;
        var backtest = await Api.StartBacktestAsync(stack.Site, "eth_basis", "2025-01-01T00:00:00Z", "2025-03-01T00:00:00Z");
        var before = await Api.WaitFinishedAsync(stack.Site, "backtests", backtest, TimeSpan.FromMinutes(2));
        Assert.Equal("Completed", before["runtimeStatus"]!.GetValue<string>());
        var summaryBefore = await Api.GetObjectAsync(stack.Site, $"api/v1/backtests/{backtest}/result");

        using var response = await stack.Site.PostAsJsonAsync("api/v1/sweeps", new
        {
            strategy_name = "eth_basis",
            start_date = "2025-01-01T00:00:00Z",
            end_date = "2025-04-01T00:00:00Z",
            initial_capital = 100000,
            grid = new Dictionary<string, double[]> { ["margin_fraction"] = [0.2, 0.25, 0.3, 0.35], ["max_delta_drift"] = [0.01, 0.02, 0.03, 0.04, 0.05] },
        }, cancel);
        var accepted = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancel))!;
        Assert.True((int)response.StatusCode == 202, accepted.ToJsonString());
        var sweep = accepted["id"]!.GetValue<string>();

        // Restart the server, its database and its task hub while the sweep's runs are under way.
        await ServerContainerTests.WaitUntilAsync(
            async () => (await Api.GetObjectAsync(stack.Site, $"api/v1/sweeps/{sweep}"))["runtimeStatus"]!.GetValue<string>() == "Running",
            TimeSpan.FromMinutes(1), "the sweep runs");
        (await stack.DeployAsync("backend", "restart")).EnsureSuccess("deploy.sh local backend restart");

        var finished = await Api.WaitFinishedAsync(stack.Site, "sweeps", sweep, TimeSpan.FromMinutes(5));
        Assert.True(finished["runtimeStatus"]!.GetValue<string>() == "Completed", finished.ToJsonString());
        var ranking = await Api.GetObjectAsync(stack.Site, $"api/v1/sweeps/{sweep}/result");
        Assert.Equal(20, ranking["ranking"]!.AsArray().Count);

        var after = await Api.GetObjectAsync(stack.Site, $"api/v1/backtests/{backtest}");
        Assert.Equal("Completed", after["runtimeStatus"]!.GetValue<string>());
        Assert.True(JsonNode.DeepEquals(summaryBefore, await Api.GetObjectAsync(stack.Site, $"api/v1/backtests/{backtest}/result")));
    }
}
