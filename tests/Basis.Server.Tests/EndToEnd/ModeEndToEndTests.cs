using Basis.Core.Market;
using Basis.Core.Time;
using Basis.Data.Canonical;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.EndToEnd;

/// <summary>
/// Every implemented mode over the whole bundled sample, checked against invariants that hold for any correct
/// run: attribution reconciles with equity, the mode's defining source is there and carries the return, and the
/// numbers agree with the data files read independently of the engine.
/// </summary>
public sealed class ModeEndToEndTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, string> DefiningSources => new()
    {
        { "pure_lending_usdt", "lending_yield" },
        { "pure_lending_eth", "lending_yield" },
        { "eth_staking_only", "staking_yield" },
        { "btc_basis", "funding" },
        { "eth_basis", "funding" },
        { "eth_leveraged", "staking_yield" },
        { "usdt_eth_staking_hedged_simple", "funding" },
        { "usdt_eth_staking_hedged_leveraged", "staking_yield" },
    };

    [Theory]
    [MemberData(nameof(DefiningSources))]
    public async Task Attribution_reconciles_and_the_defining_source_carries_the_return(string mode, string definingSource)
    {
        var files = await RunAsync(mode);

        var residual = files.Number("attribution_residual");
        Assert.True(Math.Abs(residual) <= 1e-6 * files.Capital, $"residual {residual}");

        var attributed = files.Summary.GetProperty("attribution").EnumerateObject().Sum(p => p.Value.GetDouble());
        var final = files.Number("final_equity");
        Assert.Equal(final - files.Capital, attributed + residual, 6);
        Assert.Equal(final, files.Cell(files.Rows.Count - 1, "equity"), 9);

        var defining = files.Attribution(definingSource);
        Assert.True(defining > 0, $"{definingSource} = {defining}");
        Assert.True(defining > Math.Abs(final - files.Capital) * 0.5, $"{definingSource} {defining} should carry most of the {final - files.Capital} return");
    }

    [Theory]
    [InlineData("btc_basis", "BTCUSDT")]
    [InlineData("eth_basis", "ETHUSDT")]
    public async Task Funding_matches_the_data_at_every_funding_time_on_every_venue(string mode, string symbol)
    {
        var files = await RunAsync(mode);
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc);

        var total = 0.0;
        foreach (var venue in new[] { "binance", "bybit", "okx" })
        {
            var rates = CanonicalSeriesReader.ReadRange(Repository.SampleData, SeriesId.Parse($"funding/{venue}/{symbol}"), start.AddHours(1), end);
            var marks = CanonicalSeriesReader.ReadRange(Repository.SampleData, SeriesId.Parse($"perp/{venue}/{symbol}"), start, end);
            var events = files.EventsOf("funding").Where(e => e.GetProperty("instrument").GetString() == $"{venue}:Perp:{symbol}").ToList();

            Assert.Equal(rates.Count, events.Count);
            for (var i = 0; i < events.Count; i++)
            {
                var time = UnixTime.ToSeconds(events[i].GetProperty("time").GetDateTime());
                Assert.Equal(rates.Times[i], time);
                Assert.Equal(rates.Column("rate")[i], events[i].GetProperty("rate").GetDouble());
                var mark = marks.Column("open")[marks.Times.IndexOf(time)];
                Assert.Equal(mark, events[i].GetProperty("mark").GetDouble());
                var size = events[i].GetProperty("size").GetDouble();
                Assert.True(size < 0, "the hedge is short");
                Assert.Equal(-size * mark * rates.Column("rate")[i], events[i].GetProperty("payment_usdt").GetDouble(), 9);
                total += events[i].GetProperty("payment_usdt").GetDouble();
            }
        }

        Assert.Equal(total, files.Number("funding_received"), 6);
    }

    [Fact]
    public async Task Lending_equity_recomputed_from_positions_and_data_files_matches_the_engine()
    {
        // Equity = aUSDT underlying (the engine's position column, scaled × index) + wallet USDT + wallet ETH ×
        // the ETH oracle read straight from the data files.
        var files = await RunAsync("pure_lending_usdt");
        var oracle = CanonicalSeriesReader.ReadRange(Repository.SampleData, SeriesId.Parse("oracle/aave/ETH-USD"), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc));

        for (var row = 0; row < files.Rows.Count; row += 97)
        {
            var eth = oracle.Column("price")[row];
            var equity = files.Cell(row, "aave_v3:aToken:aUSDT") + files.Cell(row, "wallet:BaseToken:USDT") + (files.Cell(row, "wallet:BaseToken:ETH") * eth);
            Assert.Equal(equity, files.Cell(row, "equity"), 6);
        }
    }

    [Fact]
    public async Task Staking_equity_recomputed_from_lst_units_and_the_oracle_rate_matches_the_engine()
    {
        var files = await RunAsync("eth_staking_only");
        var rate = CanonicalSeriesReader.ReadRange(Repository.SampleData, SeriesId.Parse("oracle/aave/weETH-ETH"), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc));

        for (var row = 0; row < files.Rows.Count; row += 97)
        {
            var equity = (files.Cell(row, "etherfi:LST:weETH") * rate.Column("price")[row]) + files.Cell(row, "wallet:BaseToken:ETH");
            Assert.Equal(equity, files.Cell(row, "equity"), 9);
        }

        Assert.Equal(0, files.Attribution("price"));
    }

    [Theory]
    [InlineData("eth_leveraged")]
    [InlineData("usdt_eth_staking_hedged_leveraged")]
    public async Task Health_factor_recomputed_from_positions_and_the_oracle_matches_the_engine(string mode)
    {
        // HF = LT × aweETH units × weETH/ETH oracle rate ÷ WETH debt, from the position columns and the data file.
        var files = await RunAsync(mode);
        var rate = CanonicalSeriesReader.ReadRange(Repository.SampleData, SeriesId.Parse("oracle/aave/weETH-ETH"), new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc));

        for (var row = 0; row < files.Rows.Count; row += 97)
        {
            var healthFactor = 0.95 * files.Cell(row, "aave_v3:aToken:aweETH") * rate.Column("price")[row] / files.Cell(row, "aave_v3:debtToken:debtWETH");
            Assert.Equal(healthFactor, files.Cell(row, "health_factor"), 9);
        }

        Assert.Equal(0, files.Number("liquidations"));
        Assert.True(files.Attribution("borrow_cost") < 0);
    }

    [Theory]
    [InlineData("usdt_eth_staking_hedged_simple")]
    [InlineData("usdt_eth_staking_hedged_leveraged")]
    public async Task Hedged_staking_earns_staking_and_funding_and_stays_near_delta_neutral(string mode)
    {
        var files = await RunAsync(mode);

        Assert.True(files.Attribution("staking_yield") > 0);
        Assert.True(files.Attribution("funding") > 0);
        Assert.True(files.Number("max_abs_delta") < 0.02, $"max |delta| {files.Number("max_abs_delta")}");
        Assert.Equal(0, files.Number("liquidations"));
    }

    [Fact]
    public async Task Basis_keeps_the_hedge_and_the_margin_inside_its_band()
    {
        var files = await RunAsync("eth_basis");

        Assert.Equal(0, files.Number("liquidations"));
        Assert.True(files.Number("max_abs_delta") < 0.02, $"max |delta| {files.Number("max_abs_delta")}");
        Assert.True(files.Number("min_margin_ratio") > 0.14, $"min margin ratio {files.Number("min_margin_ratio")}");
        Assert.All(files.EventsOf("rebalance").Skip(1), e => Assert.False(string.IsNullOrEmpty(e.GetProperty("reason").GetString())));
    }

    private async Task<RunFiles> RunAsync(string mode)
    {
        var folder = _temp.Combine(mode);
        var run = await BasisCli.BacktestAsync(mode, folder);
        Assert.True(run.ExitCode == 0, run.ToString());
        return RunFiles.Read(folder);
    }
}
