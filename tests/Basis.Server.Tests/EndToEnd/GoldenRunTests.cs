using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.EndToEnd;

/// <summary>
/// Headline figures of every mode over the bundled sample, pinned (as Lean pins its regression algorithms). A change
/// that moves one of them must say in its commit why the new figure is right.
/// </summary>
public sealed class GoldenRunTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string, double, int, int> Figures => new()
    {
        // mode, final equity (share-class units), rebalances, trades
        { "pure_lending_usdt", 101_703.351944, 0, 0 },
        { "pure_lending_eth", 100.444033, 0, 0 },
        { "eth_staking_only", 100.711781, 0, 0 },
        { "btc_basis", 101_722.790622, 4, 20 },
        { "eth_basis", 101_644.131769, 11, 54 },
        { "eth_leveraged", 101.833117, 0, 0 },
        { "usdt_eth_staking_hedged_simple", 101_380.477609, 0, 4 },
        { "usdt_eth_staking_hedged_leveraged", 101_821.916475, 0, 4 },
    };

    [Theory]
    [MemberData(nameof(Figures))]
    public async Task The_sample_run_of_each_mode_keeps_its_figures(string mode, double finalEquity, int rebalances, int trades)
    {
        var run = await BasisCli.BacktestAsync(mode, _temp.Path);

        Assert.True(run.ExitCode == 0, run.ToString());
        var files = RunFiles.Read(_temp.Path);
        Assert.Equal(finalEquity, files.Number("final_equity"), 6);
        Assert.Equal(rebalances, files.Number("rebalances"));
        Assert.Equal(trades, files.Number("trades"));
    }
}
