using Basis.Data.Import;
using Basis.Data.Validation;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.ReferenceData;

/// <summary>
/// Every mode over real multi-month windows of the original system's data, after importing it. Windows are chosen
/// where the data exists: OKX has no BTC perp history, and its funding file has August 2024, eight single days and
/// (after its conflicting duplicates are dropped) late March to early June 2025 missing, so full-allocation ETH
/// basis runs from 2025-06-24, and the longer windows trade on Binance and Bybit only.
/// </summary>
[Collection(ReferenceDataSuite.Name)]
[Trait("Category", "ReferenceData")]
public sealed class ReferenceDataRunTests(ReferenceDataFixture data)
{
    private const string Year = "2024-06-01";
    private const string YearEnd = "2025-06-01";
    private const string NoOkx = "hedge_allocation={binance: 0.5, bybit: 0.5, okx: 0}";

    [Fact]
    public void The_import_accounts_for_every_source_file_and_refuses_the_placeholders()
    {
        data.RequireData();
        var report = data.Report!;

        Assert.Equal(report.SourceFiles, report.Entries.Count);
        Assert.Equal(0, report.Actions.Unrecognised);
        Assert.Contains(report.Entries, e => e.SourcePath.Contains("lst_eth_ratios/curve_weETHWETH", StringComparison.Ordinal) && e.Action == ImportAction.Refused);
        Assert.Contains(report.Entries, e => e.SourcePath.Contains("okx_ETHUSDT_funding", StringComparison.Ordinal) && e.ConflictingTimestamps > 0);
    }

    [Fact]
    public void The_imported_data_has_no_errors_only_the_known_gaps()
    {
        data.RequireData();

        var report = DataValidator.Validate(data.Canonical);

        Assert.False(report.HasErrors, report.ToText());
        Assert.True(report.WarningCount > 0, "the Binance and OKX gaps are real and must be reported");
    }

    [Theory]
    [InlineData("pure_lending_usdt", "lending_yield", 0.02, 0.15)]
    [InlineData("pure_lending_eth", "lending_yield", 0.005, 0.05)]
    [InlineData("eth_staking_only", "staking_yield", 0.01, 0.06)]
    public async Task A_year_of_lending_or_staking_earns_its_source_at_a_plausible_rate(string mode, string source, double minApy, double maxApy)
    {
        data.RequireData();

        var files = await RunAsync(mode, Year, YearEnd);

        Assert.True(files.Attribution(source) > 0);
        var apy = files.Number("apy");
        Assert.InRange(apy, minApy, maxApy);
        Assert.Equal(0, files.Number("liquidations"));
    }

    [Fact]
    public async Task Staking_with_seasonal_rewards_collects_eigen_and_ethfi_and_sells_them()
    {
        data.RequireData();

        var files = await RunAsync("eth_staking_only", Year, YearEnd, "--set", "seasonal_rewards.enabled=true", "--set", "seasonal_rewards.include_estimated=true");

        Assert.True(files.Attribution("rewards") > 0);
        Assert.Contains(files.EventsOf("reward"), e => e.GetProperty("instrument").GetString() == "wallet:BaseToken:EIGEN");
        Assert.Contains(files.EventsOf("swap"), e => e.GetProperty("from").GetString() == "wallet:BaseToken:EIGEN");
    }

    [Fact]
    public async Task A_year_of_btc_basis_on_binance_and_bybit_earns_funding_and_reports_its_fallback_hours()
    {
        data.RequireData();

        var files = await RunAsync("btc_basis", Year, YearEnd, "--set", NoOkx);

        Assert.True(files.Attribution("funding") > 0);
        Assert.Equal(0, files.Number("liquidations"));
        var fallbacks = files.Summary.GetProperty("data_report").GetProperty("series").EnumerateArray()
            .Sum(s => s.GetProperty("fallback_hours").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.True(fallbacks > 0, "Binance's missing days must be served by the configured Bybit fallback, and reported");
    }

    [Fact]
    public async Task A_year_of_eth_basis_on_binance_and_bybit_earns_funding()
    {
        data.RequireData();

        var files = await RunAsync("eth_basis", Year, YearEnd, "--set", NoOkx);

        Assert.True(files.Attribution("funding") > 0);
        Assert.Equal(0, files.Number("liquidations"));
        Assert.True(files.Number("rebalances") > 0);
    }

    [Fact]
    public async Task Eth_basis_on_all_three_venues_runs_where_okx_has_data()
    {
        data.RequireData();

        var files = await RunAsync("eth_basis", "2025-06-24", "2025-08-31");

        Assert.True(files.Attribution("funding") > 0);
        Assert.Contains(files.EventsOf("funding"), e => e.GetProperty("instrument").GetString() == "okx:Perp:ETHUSDT");
    }

    [Theory]
    [InlineData("eth_leveraged", false)]
    [InlineData("usdt_eth_staking_hedged_simple", true)]
    [InlineData("usdt_eth_staking_hedged_leveraged", true)]
    public async Task A_year_of_leveraged_or_hedged_staking_survives_and_every_source_has_its_sign(string mode, bool hedged)
    {
        data.RequireData();

        var files = await RunAsync(mode, Year, YearEnd, hedged ? ["--set", NoOkx] : []);

        Assert.Equal(0, files.Number("liquidations"));
        Assert.True(files.Attribution("staking_yield") > 0);
        Assert.True(files.Attribution("lending_yield") >= 0);
        Assert.True(files.Attribution("borrow_cost") <= 0);
        Assert.True(files.Attribution("trading_fees") <= 0);
        Assert.True(files.Attribution("slippage") <= 0);
        Assert.True(files.Attribution("gas") < 0);
        Assert.Equal(0, files.Attribution("liquidation"));
        if (hedged)
        {
            Assert.True(files.Attribution("funding") > 0);
            Assert.True(files.Number("max_abs_delta") < 0.05, $"max |delta| {files.Number("max_abs_delta")}");
        }
        else
        {
            Assert.True(files.Attribution("borrow_cost") < 0);
            Assert.True(files.Number("min_health_factor") > 1);
        }
    }

    [Fact]
    public async Task A_venue_without_data_is_an_error_unless_its_allocation_is_zero()
    {
        data.RequireData();

        var run = await BasisCli.RunAsync("backtest", "--mode", "btc_basis", "--start", Year, "--end", YearEnd, "--configs", Repository.Configs, "--data", data.Canonical, "--out", data.Scratch("btc_default"));

        // Refused before the run starts: OKX has no BTC perp at all in this data.
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("btc_basis reads perp/okx/BTCUSDT, and the data holds none of it", run.Error, StringComparison.Ordinal);
    }

    private async Task<RunFiles> RunAsync(string mode, string start, string end, params string[] extra)
    {
        var folder = data.Scratch($"{mode}_{start}_{end}_{extra.Length}");
        var run = await BasisCli.RunAsync(["backtest", "--mode", mode, "--start", start, "--end", end, "--configs", Repository.Configs, "--data", data.Canonical, "--out", folder, .. extra]);
        Assert.True(run.ExitCode == 0, run.ToString());
        var files = RunFiles.Read(folder);
        var residual = files.Number("attribution_residual");
        Assert.True(Math.Abs(residual) <= 1e-6 * files.Capital, $"{mode}: residual {residual}");
        return files;
    }
}
