using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Cli;

public sealed class ConfigCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task The_repository_configuration_is_valid()
    {
        var run = await BasisCli.RunAsync("config", "validate", "--configs", Repository.Configs);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("valid (8 modes", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_error_of_a_broken_configuration_is_listed_with_file_line_and_key()
    {
        Repository.CopyConfigs(_temp.Path);
        var binance = _temp.Combine("venues", "binance.yaml");
        var text = await File.ReadAllTextAsync(binance, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(binance, text.Replace("taker_fee_bps: 5\n", "taker_fee_bps: -3\n", StringComparison.Ordinal).Replace("maintenance_margin: 0.005", "maintenance_margn: 0.005", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        var run = await BasisCli.RunAsync("config", "validate", "--configs", _temp.Path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("binance.yaml:", run.Error, StringComparison.Ordinal);
        Assert.Contains("perp.taker_fee_bps", run.Error, StringComparison.Ordinal);
        Assert.Contains("perp.maintenance_margin", run.Error, StringComparison.Ordinal);
        Assert.Contains("maintenance_margn", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_mode_with_overrides_prints_its_merged_settings()
    {
        var run = await BasisCli.RunAsync("config", "validate", "--configs", Repository.Configs, "--mode", "eth_staking_only", "--set", "lst_type=wstETH");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("wstETH", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rewards_with_a_lido_lst_are_rejected()
    {
        var run = await BasisCli.RunAsync("config", "validate", "--configs", Repository.Configs, "--mode", "eth_staking_only", "--set", "lst_type=wstETH", "--set", "seasonal_rewards.enabled=true");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("seasonal_rewards.enabled", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eth_leveraged", "target_ltv=0.95", "--set target_ltv=0.95: target_ltv: must be below the eMode max LTV 0.93")]
    [InlineData("eth_leveraged", "hf_floor=1.1", "--set hf_floor=1.1: hf_floor: must be below the health factor at the target LTV")]
    [InlineData("eth_leveraged", "ltv_band=0.05", "--set ltv_band=0.05: ltv_band: the band")]
    [InlineData("usdt_eth_staking_hedged_simple", "stake_allocation_percentage=0.8", "margin_topup_threshold: the margin ratio at entry")]
    [InlineData("usdt_eth_staking_hedged_leveraged", "hedge_allocation.okx=0.5", "hedge_allocation: weights must sum to 1")]
    public async Task Leverage_and_hedge_settings_that_cannot_work_are_rejected_with_the_reason(string mode, string setting, string message)
    {
        // A rule on one value names the --set flag it came from; a rule across keys names the key that states it.
        var run = await BasisCli.RunAsync("config", "validate", "--configs", Repository.Configs, "--mode", mode, "--set", setting);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }
}
