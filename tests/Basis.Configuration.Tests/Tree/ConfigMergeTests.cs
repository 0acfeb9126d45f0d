using Basis.Configuration.Loading;
using Basis.Configuration.Tree;

namespace Basis.Configuration.Tests.Tree;

public sealed class ConfigMergeTests
{
    private static readonly ConfigNode Mode = YamlConfigFile.Parse("""
        mode: eth_basis
        target_ltv: 0.7
        hedge_allocation:
          binance: 0.5
          okx: 0.5
        venues: [aave, binance, okx]
        rewards: {enabled: true}
        """, "modes/eth_basis.yaml");

    private static readonly ConfigNode ShareClass = YamlConfigFile.Parse("""
        target_ltv: 0.6
        hedge_allocation:
          okx: 0.2
          bybit: 0.3
        venues: [aave]
        rewards: ~
        """, "share_classes/usdt.yaml");

    [Fact]
    public void Mappings_merge_key_by_key_and_overlay_values_win()
    {
        var merged = ConfigMerge.Merge(Mode, ShareClass);

        Assert.Equal(
            "{mode: eth_basis, target_ltv: 0.6, hedge_allocation: {binance: 0.5, okx: 0.2, bybit: 0.3}, venues: [aave], rewards: ~}",
            merged.ToString());
    }

    [Fact]
    public void Every_merged_value_keeps_the_source_of_the_layer_it_came_from()
    {
        var merged = (ConfigMapping)ConfigMerge.Merge(Mode, ShareClass);

        Assert.True(merged.TryGetValue("mode", out var mode));
        Assert.Equal("modes/eth_basis.yaml:1", mode.Source.ToString());
        Assert.True(merged.TryGetValue("target_ltv", out var ltv));
        Assert.Equal("share_classes/usdt.yaml:1", ltv.Source.ToString());
        Assert.True(merged.TryGetValue("hedge_allocation", out var hedge));
        var weights = (ConfigMapping)hedge;
        Assert.Equal("modes/eth_basis.yaml:4", weights.Entries[0].Value.Source.ToString());
        Assert.Equal("share_classes/usdt.yaml:3", weights.Entries[1].Value.Source.ToString());
        Assert.Equal("share_classes/usdt.yaml:4", weights.Entries[2].Value.Source.ToString());
    }

    [Fact]
    public void Sequences_in_the_overlay_replace_the_base_list_whole()
    {
        var merged = (ConfigMapping)ConfigMerge.Merge(Mode, ShareClass);

        Assert.True(merged.TryGetValue("venues", out var venues));
        Assert.Equal("[aave]", venues.ToString());
        Assert.Equal("share_classes/usdt.yaml:5", venues.Source.ToString());
    }

    [Fact]
    public void Null_in_the_overlay_sets_the_value_to_null_and_keeps_the_key()
    {
        var merged = (ConfigMapping)ConfigMerge.Merge(Mode, ShareClass);

        Assert.True(merged.TryGetValue("rewards", out var rewards));
        Assert.True(Assert.IsType<ConfigScalar>(rewards).IsNull);
    }

    [Fact]
    public void Layers_merge_in_order_with_command_line_overrides_last()
    {
        var overrides = ConfigOverrides.Parse(["hedge_allocation.okx=0", "target_ltv=0.55"]);

        var merged = (ConfigMapping)ConfigMerge.MergeAll([Mode, ShareClass, overrides]);

        Assert.True(merged.TryGetValue("hedge_allocation", out var hedge));
        Assert.Equal("{binance: 0.5, okx: 0, bybit: 0.3}", hedge.ToString());
        Assert.True(((ConfigMapping)hedge).TryGetValue("okx", out var okx));
        Assert.Equal("--set hedge_allocation.okx=0", okx.Source.ToString());
        Assert.True(merged.TryGetValue("target_ltv", out var ltv));
        Assert.Equal("--set target_ltv=0.55", ltv.Source.ToString());
    }
}
