using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Cli;

public sealed class BacktestCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_backtest_writes_summary_timeseries_events_and_report_and_prints_a_summary()
    {
        var run = await BasisCli.BacktestAsync("pure_lending_usdt", _temp.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(File.Exists(_temp.Combine("summary.json")));
        Assert.True(File.Exists(_temp.Combine("timeseries.csv")));
        Assert.True(File.Exists(_temp.Combine("events.jsonl")));
        Assert.True(File.Exists(_temp.Combine("report.html")));
        Assert.Contains("Final equity", run.Output, StringComparison.Ordinal);
        Assert.Contains("lending_yield", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_inputs_give_a_byte_identical_summary_apart_from_timing()
    {
        var first = await BasisCli.BacktestAsync("eth_basis", _temp.Combine("a"));
        var second = await BasisCli.BacktestAsync("eth_basis", _temp.Combine("b"));

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        static string WithoutTiming(string path) => string.Join('\n', File.ReadAllLines(path).Where(l => !l.Contains("\"elapsed_ms\"", StringComparison.Ordinal)));
        Assert.Equal(WithoutTiming(_temp.Combine("a", "summary.json")), WithoutTiming(_temp.Combine("b", "summary.json")));
        Assert.Equal(File.ReadAllBytes(_temp.Combine("a", "timeseries.csv")), File.ReadAllBytes(_temp.Combine("b", "timeseries.csv")));
        Assert.Equal(File.ReadAllBytes(_temp.Combine("a", "events.jsonl")), File.ReadAllBytes(_temp.Combine("b", "events.jsonl")));
        Assert.Equal(File.ReadAllBytes(_temp.Combine("a", "report.html")), File.ReadAllBytes(_temp.Combine("b", "report.html")));
    }

    [Fact]
    public async Task An_alias_runs_its_canonical_mode()
    {
        var run = await BasisCli.BacktestAsync("usdt_pure_lending", _temp.Path);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("\"mode\": \"pure_lending_usdt\"", await File.ReadAllTextAsync(_temp.Combine("summary.json"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_mode_is_bad_input_that_lists_the_valid_modes()
    {
        var run = await BasisCli.BacktestAsync("eth_basis_turbo", _temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown mode 'eth_basis_turbo'", run.Error, StringComparison.Ordinal);
        Assert.Contains("pure_lending_usdt", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_planned_mode_says_it_is_not_implemented_yet()
    {
        var run = await BasisCli.BacktestAsync("ml_btc_directional_usdt_margin", _temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'ml_btc_directional_usdt_margin' is not implemented yet", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_end_not_after_the_start_names_both_arguments()
    {
        var run = await BasisCli.RunAsync("backtest", "--mode", "eth_basis", "--start", "2025-02-01", "--end", "2025-02-01", "--configs", Repository.Configs, "--data", Repository.SampleData);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--end: must be after --start (2025-02-01T00:00:00Z → 2025-02-01T00:00:00Z)", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("0.5")]
    [InlineData("2e12")]
    public async Task A_capital_outside_1_to_a_trillion_is_bad_input_naming_the_range(string capital)
    {
        var run = await BasisCli.BacktestAsync("eth_basis", _temp.Path, "--capital", capital);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--capital: must be from 1 to 1,000,000,000,000 USDT", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_date_names_the_argument_and_the_accepted_forms()
    {
        var run = await BasisCli.RunAsync("backtest", "--mode", "eth_basis", "--start", "01/02/2025", "--end", "2025-03-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--start: '01/02/2025' is not a UTC date or time", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_period_past_the_data_is_refused_before_it_starts_naming_the_flag_and_what_the_data_covers()
    {
        var run = await BasisCli.RunAsync("backtest", "--mode", "pure_lending_eth", "--start", "2025-03-30", "--end", "2025-04-02", "--configs", Repository.Configs, "--data", Repository.SampleData, "--out", _temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--end: must be on or before 2025-04-01T00:00:00Z", run.Error, StringComparison.Ordinal);
        Assert.Contains("covers 2025-01-01T00:00:00Z → 2025-04-01T00:00:00Z", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Starting the embedded engine", run.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(_temp.Combine("summary.json")));
    }

    [Fact]
    public async Task A_gap_inside_the_data_fails_the_run_naming_the_series_and_the_hours()
    {
        // The months are all there, but the last day of March lost its oracle rows: only the run can see that.
        var data = GappySample.Create(_temp.Combine("gappy"));

        var run = await BasisCli.RunAsync("backtest", "--mode", "pure_lending_eth", "--start", "2025-03-01", "--end", "2025-04-01", "--configs", Repository.Configs, "--data", data, "--out", _temp.Combine("out"));

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains("oracle/aave/ETH-USD has no value", run.Error, StringComparison.Ordinal);
        Assert.Contains("→ 2025-04-01T00:00:00Z", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_required_option_is_bad_input_with_a_usage_hint()
    {
        var run = await BasisCli.RunAsync("backtest", "--mode", "eth_basis");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--start", run.Error, StringComparison.Ordinal);
        Assert.Contains("basis backtest --help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_override_with_a_misspelt_key_names_the_flag_and_suggests_the_key()
    {
        var run = await BasisCli.BacktestAsync("eth_basis", _temp.Path, "--set", "hedge_allocation.okxx=0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--set hedge_allocation.okxx=0", run.Error, StringComparison.Ordinal);
        Assert.Contains("okx", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_override_merges_into_the_mode_and_changes_the_run()
    {
        var run = await BasisCli.BacktestAsync("eth_basis", _temp.Path, "--set", "hedge_allocation={binance: 0.5, bybit: 0.5, okx: 0}");

        Assert.True(run.ExitCode == 0, run.ToString());
        var header = File.ReadLines(_temp.Combine("timeseries.csv")).First();
        Assert.DoesNotContain("okx:Perp:ETHUSDT", header, StringComparison.Ordinal);
        Assert.Contains("binance:Perp:ETHUSDT", header, StringComparison.Ordinal);

        // The run says what it overrode, in its summary and its report.
        Assert.Equal(["hedge_allocation={binance: 0.5, bybit: 0.5, okx: 0}"], RunFiles.Read(_temp.Path).Summary.GetProperty("overrides").EnumerateArray().Select(o => o.GetString()));
        Assert.Contains("<span class=\"mono\">hedge_allocation={binance: 0.5, bybit: 0.5, okx: 0}</span>", await File.ReadAllTextAsync(_temp.Combine("report.html"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hedge_weights_that_do_not_sum_to_one_are_rejected_with_the_sum()
    {
        var run = await BasisCli.BacktestAsync("btc_basis", _temp.Path, "--set", "hedge_allocation.okx=0");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("weights must sum to 1 (got 0.7", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_data_folder_names_the_argument()
    {
        var run = await BasisCli.RunAsync("backtest", "--mode", "eth_basis", "--start", "2025-01-01", "--end", "2025-02-01", "--configs", Repository.Configs, "--data", _temp.Combine("nowhere"));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--data: folder", run.Error, StringComparison.Ordinal);
    }
}
