using Basis.Functions.Tests.Support;

namespace Basis.Functions.Tests.Cli;

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
        CopyDirectory(Repository.Configs, _temp.Path);
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

    private static void CopyDirectory(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
