using Basis.Configuration;
using Basis.Configuration.Loading;
using Basis.Live.Reconciliation;

namespace Basis.Live.Tests.Reconciliation;

public sealed class ReconcileTolerancesTests
{
    [Fact]
    public void The_repository_file_gives_usdt_one_dollar_and_eth_a_thousandth_of_dust_and_no_dust_to_the_unknown()
    {
        var tolerances = ReconcileTolerances.Load(Repository.ConfigsDirectory);

        Assert.Equal(new AssetTolerance(0.005m, 1m), tolerances.For("USDT"));
        Assert.Equal(new AssetTolerance(0.005m, 0.001m), tolerances.For("ETH"));
        Assert.Equal(new AssetTolerance(0.005m, 0.001m), tolerances.For("weETH"));
        Assert.Equal(new AssetTolerance(0.005m, 0m), tolerances.For("SOL"));
    }

    [Fact]
    public void A_relative_tolerance_above_one_is_an_error_at_its_file_line_and_key()
    {
        var thrown = Assert.Throws<ConfigException>(() => Parse("""
            default:
              relative: 0.005
              absolute: 0
            assets:
              USDT:
                relative: 5
                absolute: 1
            """));

        var error = Assert.Single(thrown.Errors);
        Assert.StartsWith("reconcile.yaml:6: assets.USDT.relative:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_default_a_missing_absolute_and_an_unknown_key_are_all_reported()
    {
        var thrown = Assert.Throws<ConfigException>(() => Parse("""
            assets:
              ETH:
                relative: 0.005
                absolut: 0.001
            """));

        Assert.Equal(3, thrown.Errors.Count);
        Assert.Contains(thrown.Errors, e => e.Path == "default" && e.Message == "required key is missing");
        Assert.Contains(thrown.Errors, e => e.Path == "assets.ETH.absolute" && e.Message == "required key is missing");
        Assert.Contains(thrown.Errors, e => e.ToString().StartsWith("reconcile.yaml:4: assets.ETH.absolut:", StringComparison.Ordinal)
            && e.Message.Contains("'absolute'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var folder = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));

        var error = Assert.Single(Assert.Throws<ConfigException>(() => ReconcileTolerances.Load(folder)).Errors);

        Assert.Equal($"{Path.Combine(folder, "live", "reconcile.yaml")}: file not found", error.ToString());
    }

    private static ReconcileTolerances Parse(string yaml) => ReconcileTolerances.From(YamlConfigFile.Parse(yaml, "reconcile.yaml"));
}
