using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Cli;

public sealed class StressAndFlowsTests : IDisposable
{
    private const string Depeg = "lst_depeg=0.05,at=2025-02-01,hours=24";
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_depeg_is_deleveraged_with_risk_management_and_liquidated_without()
    {
        var managed = await BasisCli.BacktestAsync("eth_leveraged", _temp.Combine("on"), "--stress", Depeg);
        var unmanaged = await BasisCli.BacktestAsync("eth_leveraged", _temp.Combine("off"), "--stress", Depeg, "--set", "risk_management=false");

        Assert.True(managed.ExitCode == 0, managed.ToString());
        Assert.True(unmanaged.ExitCode == 0, unmanaged.ToString());
        var on = RunFiles.Read(_temp.Combine("on"));
        var off = RunFiles.Read(_temp.Combine("off"));
        Assert.Equal(0, on.Number("liquidations"));
        Assert.Contains(on.EventsOf("atomic_group"), e => e.GetProperty("name").GetString() == "deleverage");
        Assert.True(off.Number("liquidations") > 0);
        Assert.True(off.Attribution("liquidation") < 0);
        Assert.True(on.Number("final_equity") > off.Number("final_equity"));
        Assert.Equal("weETH depegs 5% from 2025-02-01T00:00Z over 24 h, then holds", on.Summary.GetProperty("scenario")[0].GetString());
        Assert.Contains("Stress: weETH depegs 5%", managed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scenario_file_applies_every_shock()
    {
        var scenario = _temp.Combine("scenario.yaml");
        await File.WriteAllTextAsync(scenario, "shocks:\n  - funding_flip: true\n    at: 2025-02-01\n    hours: 240\n  - eth_shock: -0.2\n    at: 2025-03-01\n", TestContext.Current.CancellationToken);

        var run = await BasisCli.BacktestAsync("eth_basis", _temp.Combine("run"), "--scenario", scenario);

        Assert.True(run.ExitCode == 0, run.ToString());
        var files = RunFiles.Read(_temp.Combine("run"));
        Assert.Equal(2, files.Summary.GetProperty("scenario").GetArrayLength());
        Assert.Contains(files.EventsOf("funding"), e => e.GetProperty("payment_usdt").GetDouble() < 0);
    }

    [Fact]
    public async Task A_bad_shock_names_the_flag_and_the_key()
    {
        var run = await BasisCli.BacktestAsync("eth_leveraged", _temp.Path, "--stress", "lst_depeg=5,at=2025-02-01,hours=24");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--stress lst_depeg=5,at=2025-02-01,hours=24: lst_depeg: must be between", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shock_outside_the_run_is_bad_input()
    {
        var run = await BasisCli.BacktestAsync("eth_leveraged", _temp.Path, "--stress", "eth_shock=-0.1,at=2026-01-01");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("must start on a whole UTC hour inside the run", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Flows_from_a_file_are_deposited_and_withdrawn_with_time_weighted_returns()
    {
        var flows = _temp.Combine("flows.csv");
        await File.WriteAllTextAsync(flows, "time,amount\n2025-02-01,50000\n2025-03-01T12:00Z,-30000\n", TestContext.Current.CancellationToken);

        var run = await BasisCli.BacktestAsync("usdt_eth_staking_hedged_simple", _temp.Combine("run"), "--flows", flows);

        Assert.True(run.ExitCode == 0, run.ToString());
        var files = RunFiles.Read(_temp.Combine("run"));
        Assert.Equal(20_000, files.Number("net_flows"));
        Assert.Equal(files.Number("final_equity") - 120_000, files.Number("pnl"), 6);
        Assert.Equal(2, files.EventsOf("flow").Count());
        Assert.True(Math.Abs(files.Number("attribution_residual")) < 1e-6 * 100_000);
    }

    [Fact]
    public async Task A_flow_outside_the_run_names_the_file_and_line()
    {
        var flows = _temp.Combine("flows.csv");
        await File.WriteAllTextAsync(flows, "time,amount\n2025-02-01,50000\n2025-06-01,-30000\n", TestContext.Current.CancellationToken);

        var run = await BasisCli.BacktestAsync("pure_lending_usdt", _temp.Path, "--flows", flows);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("flows.csv:3: 2025-06-01T00:00:00Z must be a whole hour after --start and before --end", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_withdrawal_of_more_than_was_paid_in_is_bad_input_naming_its_time_and_amount()
    {
        // 100,000 of default capital and a 50,000 deposit: withdrawing 160,000 cannot be paid whatever the run earns.
        var flows = _temp.Combine("flows.csv");
        await File.WriteAllTextAsync(flows, "time,amount\n2025-02-01,50000\n2025-03-01,-160000\n", TestContext.Current.CancellationToken);

        var run = await BasisCli.BacktestAsync("pure_lending_usdt", _temp.Path, "--flows", flows);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("the withdrawal of 160,000.00 USDT at 2025-03-01T00:00:00Z takes withdrawals to 160,000.00 USDT, more than the capital and the deposits before it (150,000.00 USDT)", run.Error, StringComparison.Ordinal);
    }
}
