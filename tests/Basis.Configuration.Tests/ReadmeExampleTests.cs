using Basis.Configuration.Loading;
using Basis.Configuration.Reading;
using Basis.Configuration.Tree;

namespace Basis.Configuration.Tests;

/// <summary>The binding example in shared/Basis.Configuration/README.md, kept compiling and true.</summary>
public sealed class ReadmeExampleTests : IDisposable
{
    private readonly TempDirectory _files = new();

    public enum ShareClass
    {
        UsdtMarketNeutral,
        EthDirectional,
    }

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Mode_and_share_class_files_with_overrides_bind_to_typed_settings()
    {
        var modePath = _files.Write("configs/modes/eth_basis.yaml", """
            mode: eth_basis
            target_ltv: 0.7
            hedge_allocation: {binance: 0.5, okx: 0.5}
            venues: [aave, binance, okx]
            seasonal_rewards:
              apy: 0.03
              token: ARB
            """);
        var shareClassPath = _files.Write("configs/share_classes/usdt.yaml", "share_class: usdt_market_neutral\n");
        string[] setArguments = ["hedge_allocation={binance: 1, okx: 0}"];

        var files = YamlConfigFile.LoadAll([modePath, shareClassPath]);
        var root = ConfigMerge.MergeAll([.. files, ConfigOverrides.Parse(setArguments)]);
        var mode = ConfigReader.Bind(root, r => new ModeSettings(
            Mode: r.RequiredString("mode"),
            ShareClass: r.Enum<ShareClass>("share_class"),
            TargetLtv: r.Required<double>("target_ltv", min: 0, max: 1),
            HedgeAllocation: r.Map("hedge_allocation", v => v.As<double>(min: 0, max: 1)),
            Venues: r.Sequence("venues", v => v.AsString()),
            Rewards: r.OptionalChild("seasonal_rewards") is { } s
                ? new SeasonalRewards(s.Required<double>("apy", min: 0), s.RequiredString("token"))
                : null));

        Assert.Equal(ShareClass.UsdtMarketNeutral, mode.ShareClass);
        Assert.Equal(1.0, mode.HedgeAllocation["binance"]);
        Assert.Equal(0.0, mode.HedgeAllocation["okx"]);
        Assert.Equal(["aave", "binance", "okx"], mode.Venues);
        Assert.Equal(new SeasonalRewards(0.03, "ARB"), mode.Rewards);
    }

    private sealed record ModeSettings(
        string Mode,
        ShareClass ShareClass,
        double TargetLtv,
        IReadOnlyDictionary<string, double> HedgeAllocation,
        IReadOnlyList<string> Venues,
        SeasonalRewards? Rewards);

    private sealed record SeasonalRewards(double Apy, string Token);
}
