using System.Net;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Live;

/// <summary>A host without a database has no live side: every live route says which setting to set, and health says it is not configured.</summary>
public sealed class LiveWithoutDatabaseTests : HostedTest
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("GET", "/api/v1/live")]
    [InlineData("POST", "/api/v1/live")]
    [InlineData("GET", "/api/v1/live/lv_1")]
    [InlineData("POST", "/api/v1/live/lv_1/emergency-stop")]
    [InlineData("GET", "/api/v1/live/lv_1/orders?limit=5")]
    [InlineData("POST", "/api/v1/live/lv_1/rebalance")]
    public async Task Every_live_route_is_a_503_naming_the_database_setting(string method, string path)
    {
        var problem = await LiveServer.SendAsync(Host.Http, new HttpMethod(method), path, method == "POST" ? new { } : null, HttpStatusCode.ServiceUnavailable, Token);

        Assert.Contains("BASIS_DATABASE_CONNECTION", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detailed_health_reports_live_as_not_configured_without_failing()
    {
        var health = await Host.GetJsonAsync("/health/detailed", Token);

        var component = health.GetProperty("components").GetProperty("live");
        Assert.Equal("healthy", health.GetProperty("status").GetString());
        Assert.Equal("not_configured", component.GetProperty("status").GetString());
        Assert.Contains("BASIS_DATABASE_CONNECTION", component.GetProperty("description").GetString(), StringComparison.Ordinal);
        var summary = health.GetProperty("summary");
        Assert.Equal((5, 4, 0), (summary.GetProperty("total_components").GetInt32(), summary.GetProperty("healthy_components").GetInt32(), summary.GetProperty("unhealthy_components").GetInt32()));
    }
}
