using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Basis.Server.Hosting;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Http;

/// <summary>The HTTP host on a real loopback port: submit, poll, fetch — and the same numbers as the command line.</summary>
public sealed class HttpEndToEndTests : HostedTest
{
    [Fact]
    public async Task A_backtest_submitted_over_http_completes_with_the_same_numbers_as_the_command_line()
    {
        var ct = TestContext.Current.CancellationToken;
        var body = new { strategy_name = "eth_basis", start_date = "2025-01-01T00:00:00Z", end_date = "2025-04-01T00:00:00Z", initial_capital = 100000, share_class = "USDT" };
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/v1/backtests") { Content = JsonContent.Create(body) };
        using var accepted = await Host.Http.SendAsync(submit, ct);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var links = await accepted.Content.ReadFromJsonAsync<JsonElement>(ct);
        var status = links.GetProperty("statusQueryGetUri").GetString()!;

        JsonElement state;
        do
        {
            await Task.Delay(50, ct);
            state = await Host.Http.GetFromJsonAsync<JsonElement>(status, ct);
        }
        while (state.GetProperty("runtimeStatus").GetString() is "Pending" or "Running");

        Assert.Equal("Completed", state.GetProperty("runtimeStatus").GetString());
        var summary = await Host.Http.GetFromJsonAsync<JsonElement>(links.GetProperty("resultUri").GetString()!, ct);

        var cli = await BasisCli.BacktestAsync("eth_basis", Temp.Combine("cli"));
        Assert.True(cli.ExitCode == 0, cli.ToString());
        var files = RunFiles.Read(Temp.Combine("cli"));
        Assert.Equal(files.Number("final_equity"), summary.GetProperty("final_equity").GetDouble());
        Assert.Equal(files.Number("attribution_residual"), summary.GetProperty("attribution_residual").GetDouble());

        var report = await Host.Http.GetAsync(new Uri(links.GetProperty("resultUri").GetString()!.Replace("/result", "/report", StringComparison.Ordinal)), ct);
        Assert.Equal("text/html", report.Content.Headers.ContentType?.MediaType);

        // The dashboard's charts: a quarter's 2,160 hours thinned to 2,000 points, and the last hour of each of its months.
        var chart = await Host.Http.GetFromJsonAsync<JsonElement>(status + "/chart", ct);
        Assert.Equal(2160, chart.GetProperty("hours").GetInt32());
        Assert.Equal(2000, chart.GetProperty("drawn").GetProperty("time").GetArrayLength());
        var monthEnds = chart.GetProperty("month_ends");
        long[] lastHours = [.. new[] { "2025-01-31T23:00:00Z", "2025-02-28T23:00:00Z", "2025-03-31T23:00:00Z" }.Select(t => DateTimeOffset.Parse(t, CultureInfo.InvariantCulture).ToUnixTimeSeconds())];
        Assert.Equal(lastHours, monthEnds.GetProperty("time").EnumerateArray().Select(t => t.GetInt64()));
        var equity = monthEnds.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "equity").GetProperty("values");
        Assert.Equal(summary.GetProperty("final_equity").GetDouble(), equity[2].GetDouble());
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_each_field_never_a_500()
    {
        var ct = TestContext.Current.CancellationToken;
        using var submit = new HttpRequestMessage(HttpMethod.Post, "/api/v1/backtests")
        {
            Content = JsonContent.Create(new { strategy_name = "eth_basis", start_date = "2025-02-01", end_date = "yesterday", initial_capital = -1, colour = "blue" }),
        };
        using var response = await Host.Http.SendAsync(submit, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("end_date", out _), problem.ToString());
        Assert.True(errors.TryGetProperty("colour", out _), problem.ToString());
    }

    [Theory]
    [InlineData("not json", "body")]
    [InlineData("[1, 2]", "body")]
    [InlineData("{\"strategy_name\": 5, \"start_date\": \"2025-01-01\", \"end_date\": \"2025-02-01\"}", "strategy_name")]
    [InlineData("{\"strategy_name\": \"no_such_mode\", \"start_date\": \"2025-01-01\", \"end_date\": \"2025-02-01\"}", "strategy_name")]
    [InlineData("{\"strategy_name\": \"eth_basis\", \"start_date\": \"2025-01-01T00:30:00Z\", \"end_date\": \"2025-02-01\"}", "start_date")]
    [InlineData("{\"strategy_name\": \"eth_basis\", \"start_date\": \"2025-02-01\", \"end_date\": \"2025-01-01\"}", "end_date")]
    [InlineData("{\"strategy_name\": \"eth_basis\", \"start_date\": \"2025-01-01\", \"end_date\": \"2025-02-01\", \"share_class\": \"ETH\"}", "share_class")]
    [InlineData("{\"strategy_name\": \"eth_basis\", \"start_date\": \"2025-01-01\", \"end_date\": \"2025-02-01\", \"config_overrides\": {\"hedge_allocation\": {\"okxx\": 0}}}", "config_overrides")]
    [InlineData("{\"strategy_name\": \"eth_basis\", \"start_date\": \"2025-01-01\", \"end_date\": \"2025-02-01\", \"config_overrides\": [1]}", "config_overrides")]
    [InlineData("{\"strategy_name\": \"eth_basis\", \"start_date\": \"2025-01-01\", \"end_date\": \"2025-02-01\", \"stress\": [\"lst_depeg=2\"]}", "stress")]
    [InlineData("{\"strategy_name\": \"eth_basis\", \"start_date\": \"2025-01-01\", \"end_date\": \"2025-02-01\", \"capital_flows\": [{\"time\": \"2026-01-01\", \"amount\": 5}]}", "capital_flows")]
    [InlineData("{\"strategy_name\": \"eth_basis\", \"start_date\": \"2025-01-01\", \"end_date\": \"2025-02-01\", \"capital_flows\": [{\"time\": \"2025-01-10\"}]}", "capital_flows[0].amount")]
    public async Task Each_kind_of_bad_backtest_request_is_a_400_naming_its_field(string body, string field)
    {
        var problem = await PostExpectingBadRequestAsync("/api/v1/backtests", body);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("{\"strategy_name\": \"eth_basis\", \"start_date\": \"2025-01-01\", \"end_date\": \"2025-02-01\", \"grid\": {\"margin_fraction\": []}}", "grid.margin_fraction")]
    [InlineData("{\"strategy_name\": \"eth_basis\", \"start_date\": \"2025-01-01\", \"end_date\": \"2025-02-01\", \"grid\": {\"margin_fraction\": [0.25, \"lots\"]}}", "grid")]
    [InlineData("{\"start_date\": \"2025-01-01\", \"end_date\": \"2025-02-01\"}", "strategy_name")]
    public async Task Each_kind_of_bad_sweep_request_is_a_400_naming_its_field(string body, string field)
    {
        var problem = await PostExpectingBadRequestAsync("/api/v1/sweeps", body);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/v1/backtests?limit=lots", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/backtests/bt_nothing", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/backtests/bt_nothing/result", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/backtests/bt_nothing/report", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/backtests/bt_nothing/chart", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/sweeps/sw_nothing/result", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/strategies/no_such_mode", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/strategies/ml_btc_directional_usdt_margin/config", HttpStatusCode.NotFound)]
    public async Task Bad_reads_are_4xx_problems_never_500(string path, HttpStatusCode expected)
    {
        using var response = await Host.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Strategies_list_every_mode_and_a_mode_s_merged_config()
    {
        var ct = TestContext.Current.CancellationToken;
        var list = await Host.Http.GetFromJsonAsync<JsonElement>("/api/v1/strategies", ct);
        var config = await Host.Http.GetFromJsonAsync<JsonElement>("/api/v1/strategies/usdt_pure_lending/config", ct);

        Assert.Contains(list.GetProperty("strategies").EnumerateArray(), s => s.GetProperty("name").GetString() == "eth_basis");
        Assert.Equal("pure_lending_usdt", config.GetProperty("name").GetString());
        Assert.Equal(64, config.GetProperty("config_hash").GetString()!.Length);
    }

    [Fact]
    public async Task Submitting_without_a_valid_key_is_refused()
    {
        var ct = TestContext.Current.CancellationToken;
        using var keyless = new HttpClient { BaseAddress = Host.Http.BaseAddress };
        using var response = await keyless.PostAsJsonAsync("/api/v1/backtests", new { strategy_name = "eth_basis" }, ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_a_correlation_id_and_keeps_a_sane_one_it_was_given()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add(CorrelationIds.Header, "abc-123");
        using var echoed = await Host.Http.SendAsync(request, TestContext.Current.CancellationToken);
        using var fresh = await Host.Http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("abc-123", echoed.Headers.GetValues(CorrelationIds.Header).Single());
        Assert.False(string.IsNullOrEmpty(fresh.Headers.GetValues(CorrelationIds.Header).Single()));
    }

    [Fact]
    public async Task Health_reports_every_component_by_name_and_openapi_is_served()
    {
        var ct = TestContext.Current.CancellationToken;
        var health = await Host.Http.GetFromJsonAsync<JsonElement>("/health/detailed", ct);
        var components = health.GetProperty("components").EnumerateObject().ToList();

        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal(["configuration", "data_source", "result_store", "live", "orchestration"], components.Select(c => c.Name));

        // Without a database the host has no live side, which fails nothing (LiveWithoutDatabaseTests).
        Assert.Equal("not_configured", components[3].Value.GetProperty("status").GetString());
        foreach (var component in components.Where(c => c.Name != "live").Select(c => c.Value))
        {
            Assert.Equal("healthy", component.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, component.GetProperty("error_code").ValueKind);
            Assert.All(component.GetProperty("readiness_checks").EnumerateObject(), check => Assert.True(check.Value.GetBoolean(), check.Name));
            Assert.True(component.GetProperty("elapsed_ms").GetDouble() >= 0);
        }

        Assert.Equal(["initialized", "modes_valid", "answered_in_time"], components[0].Value.GetProperty("readiness_checks").EnumerateObject().Select(c => c.Name));
        Assert.Equal(["initialized", "reachable", "answered_in_time"], components[^1].Value.GetProperty("readiness_checks").EnumerateObject().Select(c => c.Name));
        var summary = health.GetProperty("summary");
        Assert.Equal((5, 4, 0), (summary.GetProperty("total_components").GetInt32(), summary.GetProperty("healthy_components").GetInt32(), summary.GetProperty("unhealthy_components").GetInt32()));
        Assert.Equal("basis", health.GetProperty("service").GetString());
        Assert.True(health.TryGetProperty("system", out _));
        using var openApi = await Host.Http.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), ct);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }

    [Fact]
    public async Task Liveness_reports_the_service_its_mode_uptime_and_the_machine_quickly()
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await Host.Http.GetAsync(new Uri("/health", UriKind.Relative), ct);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(health.GetProperty("status").GetString(), (string[])["healthy", "degraded"]);
        Assert.Equal("basis", health.GetProperty("service").GetString());
        Assert.Equal("backtest", health.GetProperty("execution_mode").GetString());
        Assert.True(health.GetProperty("uptime_seconds").GetInt64() >= 0);
        Assert.EndsWith("Z", health.GetProperty("timestamp").GetString(), StringComparison.Ordinal);
        var system = health.GetProperty("system");
        foreach (var percent in (string[])["cpu_percent", "memory_percent", "disk_percent"])
        {
            Assert.InRange(system.GetProperty(percent).GetDouble(), 0, 100);
        }

        Assert.True(system.GetProperty("memory_available_gb").GetDouble() > 0);
        Assert.True(system.GetProperty("process_memory_mb").GetDouble() > 0);
        Assert.False(health.TryGetProperty("components", out _));

        // Never a component call, never a wait for a CPU sample: the probe's budget is 50 ms; the median is far under it.
        var times = new List<double>();
        for (var i = 0; i < 40; i++)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            using var again = await Host.Http.GetAsync(new Uri("/health", UriKind.Relative), ct);
            times.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.True(times.Order().ElementAt(times.Count / 2) < 50, string.Join(", ", times.Select(t => t.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture))));
    }

    private async Task<JsonElement> PostExpectingBadRequestAsync(string path, string body)
    {
        var ct = TestContext.Current.CancellationToken;
        using var submit = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        using var response = await Host.Http.SendAsync(submit, ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(ct);
    }
}
