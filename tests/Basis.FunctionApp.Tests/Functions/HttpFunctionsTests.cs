using System.Text.Json;
using Basis.FunctionApp.Functions;
using Basis.FunctionApp.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Basis.FunctionApp.Tests.Functions;

/// <summary>
/// The HTTP adapters answer with the shared handlers' results (the handlers themselves are tested through the
/// self-hosted server, tests/Basis.Server.Tests). These calls need no Durable client.
/// </summary>
public sealed class HttpFunctionsTests(AppServices app) : IClassFixture<AppServices>
{
    [Fact]
    public async Task Submitting_a_backtest_without_an_api_key_is_refused_by_the_handler()
    {
        var result = await app.Create<BacktestFunctions>().Submit(Request("POST", "/api/v1/backtests"), client: null!);

        Assert.Equal(StatusCodes.Status401Unauthorized, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
    }

    [Fact]
    public async Task A_live_route_without_a_database_is_a_503_naming_the_setting()
    {
        var result = await app.Create<LiveHttpFunctions>().List(Request("GET", "/api/v1/live"));

        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        var problem = Assert.IsAssignableFrom<IValueHttpResult>(result).Value;
        Assert.Contains("BASIS_DATABASE_CONNECTION", JsonSerializer.Serialize(problem), StringComparison.Ordinal);
    }

    [Fact]
    public void A_strategy_is_found_by_name_and_an_unknown_one_is_a_404()
    {
        var strategies = app.Create<StrategyFunctions>();

        var found = strategies.One(Request("GET", "/api/v1/strategies/eth_basis"), "eth_basis");
        var missing = strategies.One(Request("GET", "/api/v1/strategies/nope"), "nope");

        Assert.Equal(StatusCodes.Status200OK, Assert.IsAssignableFrom<IStatusCodeHttpResult>(found).StatusCode);
        var body = JsonSerializer.SerializeToElement(Assert.IsAssignableFrom<IValueHttpResult>(found).Value);
        Assert.Equal("eth_basis", body.GetProperty("name").GetString());
        Assert.Equal(StatusCodes.Status404NotFound, Assert.IsAssignableFrom<IStatusCodeHttpResult>(missing).StatusCode);
    }

    [Fact]
    public void Liveness_answers_with_the_service_and_the_machine()
    {
        var result = app.Create<HealthFunctions>().Liveness(Request("GET", "/api/health"));

        Assert.Equal(StatusCodes.Status200OK, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
        var body = JsonSerializer.SerializeToElement(Assert.IsAssignableFrom<IValueHttpResult>(result).Value);
        Assert.Equal(("basis", "backtest"), (body.GetProperty("service").GetString(), body.GetProperty("execution_mode").GetString()));
        Assert.InRange(body.GetProperty("system").GetProperty("memory_percent").GetDouble(), 0, 100);
    }

    [Fact]
    public async Task Detailed_health_checks_the_shared_components_and_the_task_hub_through_the_durable_client()
    {
        var health = app.Create<HealthFunctions>();

        var up = await health.Detailed(Request("GET", "/api/health/detailed"), new ProbeOnlyClient("basis"));
        var down = await health.Detailed(Request("GET", "/api/health/detailed"), new ProbeOnlyClient("basis", new IOException("storage unreachable")));

        Assert.Equal(StatusCodes.Status200OK, Assert.IsAssignableFrom<IStatusCodeHttpResult>(up).StatusCode);
        var components = JsonSerializer.SerializeToElement(Assert.IsAssignableFrom<IValueHttpResult>(up).Value).GetProperty("components").EnumerateObject().ToList();
        Assert.Equal(["configuration", "data_source", "result_store", "live", "orchestration"], components.Select(c => c.Name));
        Assert.Equal("not_configured", components[3].Value.GetProperty("status").GetString());
        Assert.Equal("durable functions, task hub basis", components[^1].Value.GetProperty("description").GetString());
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, Assert.IsAssignableFrom<IStatusCodeHttpResult>(down).StatusCode);
        var failed = JsonSerializer.SerializeToElement(Assert.IsAssignableFrom<IValueHttpResult>(down).Value);
        var orchestration = failed.GetProperty("components").GetProperty("orchestration");
        Assert.Equal(("unhealthy", "IOException"), (failed.GetProperty("status").GetString(), orchestration.GetProperty("error_code").GetString()));
        Assert.False(orchestration.GetProperty("readiness_checks").GetProperty("reachable").GetBoolean());
        Assert.Equal(1, failed.GetProperty("summary").GetProperty("unhealthy_components").GetInt32());
    }

    private static HttpRequest Request(string method, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Scheme = "http";
        context.Request.Host = new HostString("localhost", 7071);
        context.Request.Path = path;
        return context.Request;
    }
}
