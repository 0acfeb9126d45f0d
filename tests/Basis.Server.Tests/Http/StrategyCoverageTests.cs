using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Http;

/// <summary><c>GET /api/v1/strategies/{name}/coverage</c>: the period a backtest request may ask for, before it asks.</summary>
public sealed class StrategyCoverageTests : HostedTest
{
    [Fact]
    public async Task A_mode_s_coverage_is_the_sample_s_period_with_its_series_and_venues()
    {
        var coverage = await Host.Http.GetFromJsonAsync<JsonElement>("/api/v1/strategies/eth_basis/coverage", TestContext.Current.CancellationToken);

        Assert.Equal("eth_basis", coverage.GetProperty("name").GetString());
        Assert.Equal("2025-01-01T00:00:00Z", coverage.GetProperty("start").GetString());
        Assert.Equal("2025-04-01T00:00:00Z", coverage.GetProperty("end").GetString());
        var venues = coverage.GetProperty("venues").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Subset(venues.ToHashSet(), new HashSet<string?> { "binance", "bybit", "okx" });
        Assert.Contains(coverage.GetProperty("series").EnumerateArray(), s => s.GetProperty("id").GetString() == "perp/binance/ETHUSDT");
    }

    [Fact]
    public async Task A_period_outside_the_coverage_is_refused_with_the_same_bound()
    {
        var ct = TestContext.Current.CancellationToken;
        var coverage = await Host.Http.GetFromJsonAsync<JsonElement>("/api/v1/strategies/pure_lending_usdt/coverage", ct);
        var end = coverage.GetProperty("end").GetString()!;
        var body = new { strategy_name = "pure_lending_usdt", start_date = "2025-01-01T00:00:00Z", end_date = DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime().AddHours(1) };
        using var response = await Host.Http.PostAsJsonAsync("/api/v1/backtests", body, ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.Contains($"must be on or before {end}", problem.GetProperty("errors").GetProperty("end_date")[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no_such_mode")]
    [InlineData("ml_btc_directional_usdt_margin")]
    public async Task An_unknown_or_unbuilt_mode_is_a_404_problem(string mode)
    {
        using var response = await Host.Http.GetAsync(new Uri($"/api/v1/strategies/{mode}/coverage", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
