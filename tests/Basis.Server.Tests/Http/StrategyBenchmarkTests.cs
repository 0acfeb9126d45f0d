using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Http;

/// <summary>
/// <c>GET /api/v1/strategies/{name}/benchmark</c>: lending the share class's asset on AAVE (and for an ETH mode, lending
/// USDT), for the run page's benchmark lines.
/// </summary>
public sealed class StrategyBenchmarkTests : HostedTest
{
    [Fact]
    public async Task A_usdt_mode_s_benchmark_is_the_usdt_supply_index_over_its_first_value_hour_by_hour()
    {
        var answer = await Host.Http.GetFromJsonAsync<JsonElement>(
            "/api/v1/strategies/eth_basis/benchmark?start=2025-01-01T00:00:00Z&end=2025-02-01", TestContext.Current.CancellationToken);

        var benchmark = Assert.Single(answer.GetProperty("benchmarks").EnumerateArray());
        Assert.Equal("aave/ethereum/USDT", benchmark.GetProperty("series").GetString());
        Assert.Equal("lending USDT on AAVE v3", benchmark.GetProperty("benchmark").GetString());
        var time = benchmark.GetProperty("time").EnumerateArray().Select(t => t.GetInt64()).ToList();
        var growth = benchmark.GetProperty("growth").EnumerateArray().Select(g => g.GetDouble()).ToList();
        Assert.Equal(31 * 24, time.Count);
        Assert.Equal(1735689600, time[0]);
        Assert.Equal(1, growth[0]);
        // The sample's USDT supply index (data/aave/ethereum/USDT/2025/01.csv): 1.1057 at the first hour, 1.1124816532510666 at the last.
        Assert.Equal(1.1124816532510666 / 1.1057, growth[^1], 12);
        Assert.All(growth.Zip(growth.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
    }

    [Fact]
    public async Task An_eth_mode_lends_weth_and_usdt_and_a_period_beyond_the_data_is_cut_to_it()
    {
        var answer = await Host.Http.GetFromJsonAsync<JsonElement>(
            "/api/v1/strategies/pure_lending_eth/benchmark?start=2025-03-31T00:00:00Z&end=2026-01-01", TestContext.Current.CancellationToken);

        var benchmarks = answer.GetProperty("benchmarks").EnumerateArray().ToList();
        Assert.Equal(["aave/ethereum/WETH", "aave/ethereum/USDT"], benchmarks.Select(b => b.GetProperty("series").GetString()));
        Assert.All(benchmarks, b => Assert.Equal(24, b.GetProperty("time").GetArrayLength()));
    }

    [Fact]
    public async Task Lending_usdt_in_an_eth_mode_sells_the_eth_at_the_first_hour_and_buys_it_back_at_each_hour_s_price()
    {
        var answer = await Host.Http.GetFromJsonAsync<JsonElement>(
            "/api/v1/strategies/pure_lending_eth/benchmark?start=2025-01-01&end=2025-02-01", TestContext.Current.CancellationToken);

        var usdt = answer.GetProperty("benchmarks")[1];
        Assert.Equal("lending USDT on AAVE v3 (ETH sold, bought back at oracle/aave/ETH-USD)", usdt.GetProperty("benchmark").GetString());
        var growth = usdt.GetProperty("growth").EnumerateArray().Select(g => g.GetDouble()).ToList();
        Assert.Equal(31 * 24, growth.Count);
        Assert.Equal(1, growth[0]);
        // The sample at the first and last hour of January: 1 ETH sold at 3,298.87 USD, the USDT supply index from
        // 1.1057 to 1.1124816532510666, bought back at 3,009.56: 3,298.87 × 1.0061333 / 3,009.56 = 1.10282 ETH.
        Assert.Equal(1.1124816532510666 / 1.1057 * 3298.87 / 3009.56, growth[^1], 12);
    }

    [Theory]
    [InlineData("start=2025-01-01T00:30:00Z&end=2025-02-01", "start")]
    [InlineData("end=2025-02-01", "start")]
    [InlineData("start=2025-02-01&end=2025-01-01", "end")]
    [InlineData("start=2025-01-01&end=soon", "end")]
    public async Task A_bad_period_is_a_400_naming_its_parameter(string query, string field)
    {
        var ct = TestContext.Current.CancellationToken;
        using var response = await Host.Http.GetAsync(new Uri($"/api/v1/strategies/eth_basis/benchmark?{query}", UriKind.Relative), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }
}
