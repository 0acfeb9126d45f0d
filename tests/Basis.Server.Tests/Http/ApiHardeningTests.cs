using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Basis.Api.Http;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Http;

/// <summary>
/// What a careless or hostile client meets: ids outside the pattern, oversized bodies, duplicate keys, out-of-range
/// values, an unknown ranking figure, reads without a key when keys are required. Every one is a 4xx problem naming
/// what is wrong, never a 500. The OpenAPI document describes the request bodies and the key.
/// </summary>
public sealed class ApiHardeningTests : HostedTest
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> BadIds => new()
    {
        new string('a', 201), new string('7', 5000), "-leading-dash", ".hidden", "a%20b", "a%2Fb", "..", "%2E%2E", "%E6%97%A5%E6%9C%AC", "a'b\"c", "bt_%00",
    };

    [Theory]
    [MemberData(nameof(BadIds))]
    public async Task An_id_outside_the_pattern_is_a_404_problem_on_every_route(string id)
    {
        foreach (var (method, path) in ((HttpMethod, string)[])[
            (HttpMethod.Get, $"/api/v1/backtests/{id}"), (HttpMethod.Get, $"/api/v1/backtests/{id}/result"), (HttpMethod.Get, $"/api/v1/backtests/{id}/report"),
            (HttpMethod.Delete, $"/api/v1/backtests/{id}"), (HttpMethod.Post, $"/api/v1/backtests/{id}/terminate"),
            (HttpMethod.Get, $"/api/v1/sweeps/{id}"), (HttpMethod.Get, $"/api/v1/sweeps/{id}/result"), (HttpMethod.Delete, $"/api/v1/sweeps/{id}")])
        {
            // Kestrel itself answers 400 to a NUL in the path; everything else reaches the API, which finds no such run.
            using var response = await Host.Http.SendAsync(new HttpRequestMessage(method, path), Token);
            var expected = id.Contains("%00", StringComparison.Ordinal) ? HttpStatusCode.BadRequest : HttpStatusCode.NotFound;
            Assert.True(response.StatusCode == expected, $"{method} {path[..Math.Min(path.Length, 80)]}: {(int)response.StatusCode}");
            if (expected == HttpStatusCode.NotFound)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_whether_or_not_it_says_its_length()
    {
        var large = $$"""{"strategy_name": "eth_basis", "padding": "{{new string('x', 1_100_000)}}"}""";
        using var declared = await Host.Http.PostAsync(new Uri("/api/v1/backtests", UriKind.Relative), new StringContent(large, Encoding.UTF8, "application/json"), Token);
        using var chunked = await Host.Http.PostAsync(new Uri("/api/v1/sweeps", UriKind.Relative), new StreamContent(new UnsizedStream(Encoding.UTF8.GetBytes(large))), Token);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Contains("1,048,576 bytes", await declared.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"strategy_name": "eth_basis", "strategy_name": "btc_basis", "start_date": "2025-01-01", "end_date": "2025-02-01"}""", "body", "strategy_name")]
    [InlineData("""{"strategy_name": "eth_basis", "start_date": "2025-01-01", "end_date": "2025-02-01", "initial_capital": 0}""", "initial_capital", "from 1 to 1,000,000,000,000 USDT")]
    [InlineData("""{"strategy_name": "eth_basis", "start_date": "2025-01-01", "end_date": "2025-02-01", "initial_capital": 2e12}""", "initial_capital", "from 1 to 1,000,000,000,000 USDT")]
    [InlineData("""{"strategy_name": "eth_basis", "start_date": "2025-01-01", "end_date": "2025-02-01", "capital_flows": [{"time": "2025-01-10", "amount": 5e12}]}""", "capital_flows", "from -1,000,000,000,000 to 1,000,000,000,000")]
    [InlineData("""{"strategy_name": "eth_basis", "start_date": "2024-06-01", "end_date": "2025-02-01"}""", "start_date", "on or after 2025-01-01T00:00:00Z")]
    [InlineData("""{"strategy_name": "eth_basis", "start_date": "2025-01-01", "end_date": "2025-02-01", "rank_by": "sharpe"}""", "rank_by", "is not a field of this request")]
    public async Task A_bad_backtest_body_is_a_400_naming_the_field_and_the_valid_range(string body, string field, string says) =>
        await AssertBadRequestAsync("/api/v1/backtests", body, field, says);

    [Theory]
    [InlineData("""{"strategy_name": "eth_basis", "start_date": "2025-01-01", "end_date": "2025-02-01", "rank_by": "luck"}""", "rank_by", "is not a figure of summary.json")]
    [InlineData("""{"strategy_name": "eth_basis", "start_date": "2025-01-01", "end_date": "2025-02-01", "rank_by": "config_hash"}""", "rank_by", "sharpe")]
    [InlineData("""{"strategy_name": "eth_basis", "periods": [{"start_date": "2025-01-01", "end_date": "2025-02-01"}, {"start_date": "2025-03-01", "end_date": "2025-05-01"}]}""", "end_date", "on or before 2025-04-01T00:00:00Z")]
    public async Task A_bad_sweep_body_is_a_400_naming_the_field(string body, string field, string says) =>
        await AssertBadRequestAsync("/api/v1/sweeps", body, field, says);

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("10001")]
    [InlineData("ten")]
    [InlineData("1e3")]
    public async Task A_list_limit_outside_1_to_10000_is_a_400_naming_limit(string limit)
    {
        using var response = await Host.Http.GetAsync(new Uri($"/api/v1/backtests?limit={limit}", UriKind.Relative), Token);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("from 1 to 10,000", problem.GetProperty("errors").GetProperty("limit")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_can_be_made_to_need_a_key_while_health_never_does()
    {
        await using var locked = await PipelineHost.StartAsync(Temp.Combine("locked"), new Dictionary<string, string> { ["BASIS_API_REQUIRE_KEY_FOR_READS"] = "true" }, Token);
        using var keyless = new HttpClient { BaseAddress = locked.Http.BaseAddress };

        foreach (var path in (string[])["/api/v1/backtests", "/api/v1/sweeps", "/api/v1/strategies", "/api/v1/strategies/eth_basis/config", "/api/v1/backtests/bt_x"])
        {
            using var refused = await keyless.GetAsync(new Uri(path, UriKind.Relative), Token);
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{path}: {(int)refused.StatusCode}");
        }

        using var health = await keyless.GetAsync(new Uri("/health/detailed", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(JsonValueKind.Array, (await locked.GetJsonAsync("/api/v1/backtests", Token)).ValueKind);

        // The document says so too.
        var document = await locked.GetJsonAsync("/openapi/v1.json", Token);
        Assert.True(document.GetProperty("paths").GetProperty("/api/v1/backtests").GetProperty("get").TryGetProperty("security", out _));
    }

    [Fact]
    public async Task Detailed_health_names_no_path_host_or_connection()
    {
        var text = await Host.GetTextAsync("/health/detailed", Token);

        Assert.DoesNotContain(Temp.Path, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Repository.Root, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Host=", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("127.0.0.1", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_has_the_request_schemas_and_the_key_scheme()
    {
        var document = await Host.GetJsonAsync("/openapi/v1.json", Token);

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty(ApiDocument.ApiKeyScheme);
        Assert.Equal(("apiKey", "header", ApiKeys.Header), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
        var submit = document.GetProperty("paths").GetProperty("/api/v1/backtests").GetProperty("post");
        Assert.True(submit.TryGetProperty("security", out _));
        Assert.False(document.GetProperty("paths").GetProperty("/api/v1/backtests").GetProperty("get").TryGetProperty("security", out _));

        var backtest = Schema(document, submit);
        Assert.Equal(
            ["capital_flows", "config_overrides", "end_date", "initial_capital", "share_class", "start_date", "strategy_name", "stress"],
            backtest.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var sweep = Schema(document, document.GetProperty("paths").GetProperty("/api/v1/sweeps").GetProperty("post"));
        Assert.Contains("grid", sweep.GetProperty("properties").EnumerateObject().Select(p => p.Name));

        var detailed = ResponseSchema(document, document.GetProperty("paths").GetProperty("/health/detailed").GetProperty("get"), "503");
        Assert.Equal(
            ["components", "execution_mode", "service", "status", "summary", "system", "timestamp", "uptime_seconds"],
            detailed.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var system = Resolved(document, ResponseSchema(document, document.GetProperty("paths").GetProperty("/health").GetProperty("get"), "200").GetProperty("properties").GetProperty("system"));
        Assert.Equal(
            ["cpu_percent", "disk_percent", "memory_available_gb", "memory_percent", "process_memory_mb"],
            system.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_body_with_every_field_the_document_describes_is_accepted()
    {
        // The schema records and the parser must agree: every documented field is read, none is "not a field".
        var body = new BacktestRequestBody(
            "eth_basis",
            new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero),
            InitialCapital: 50_000,
            ShareClass: "USDT",
            ConfigOverrides: new Dictionary<string, JsonElement> { ["margin_fraction"] = JsonSerializer.SerializeToElement(0.25) },
            CapitalFlows: [new CapitalFlowBody(new DateTimeOffset(2025, 1, 15, 0, 0, 0, TimeSpan.Zero), 10_000)],
            Stress: ["funding_flip=true,at=2025-01-20,hours=24"]);
        Assert.Equal(JsonSerializer.SerializeToElement(body).EnumerateObject().Count(), typeof(BacktestRequestBody).GetProperties().Length);

        var status = await Host.SubmitAsync("backtests", body, Token);
        Assert.Equal("Completed", (await Host.WaitAsync(status, Token)).GetProperty("runtimeStatus").GetString());

        var sweep = new SweepRequestBody(
            null, null, null, InitialCapital: 50_000, ShareClass: "USDT", ConfigOverrides: body.ConfigOverrides, CapitalFlows: null, Stress: body.Stress,
            Grid: new Dictionary<string, IReadOnlyList<JsonElement>> { ["max_delta_drift"] = [JsonSerializer.SerializeToElement(0.01)] },
            Modes: ["eth_basis"],
            Periods: [new SweepPeriodBody(body.StartDate, body.EndDate)],
            RankBy: "apy",
            Ascending: true);
        Assert.Equal("Completed", (await Host.WaitAsync(await Host.SubmitAsync("sweeps", sweep, Token), Token)).GetProperty("runtimeStatus").GetString());
    }

    private static JsonElement Schema(JsonElement document, JsonElement operation)
    {
        var schema = operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        return schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;
    }

    private static JsonElement ResponseSchema(JsonElement document, JsonElement operation, string status) =>
        Resolved(document, operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty("application/json").GetProperty("schema"));

    private static JsonElement Resolved(JsonElement document, JsonElement schema) =>
        schema.TryGetProperty("$ref", out var reference)
            ? document.GetProperty("components").GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1])
            : schema;

    private async Task AssertBadRequestAsync(string path, string body, string field, string says)
    {
        using var response = await Host.Http.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        using var problem = JsonDocument.Parse(text);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out var messages), text);
        Assert.Contains(says, messages.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A body sent chunked: the server cannot trust a Content-Length it was never given.</summary>
    private sealed class UnsizedStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}
