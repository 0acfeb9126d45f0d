using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Tests.Support;

namespace Basis.Core.Tests.Simulation;

/// <summary>The settings overrides a run was given travel from its spec into its summary, as given and in order.</summary>
public sealed class RunOverridesTests
{
    private static readonly ModeSettings UsdtLending =
        TestSettings.Mode("pure_lending_usdt", ShareClass.Usdt, new LendingParameters(Asset.Usdt, 0.02));

    [Fact]
    public void The_summary_lists_the_overrides_of_the_spec_in_order()
    {
        string[] overrides = ["hedge_allocation={binance: 0.5, bybit: 0.5, okx: 0}", "margin_fraction=0.25"];

        var result = Run(overrides);

        Assert.Equal(overrides, result.Summary.Overrides);
    }

    [Fact]
    public void A_run_without_overrides_has_an_empty_list()
    {
        Assert.Empty(Run(null).Summary.Overrides);
        Assert.Empty(Run([]).Summary.Overrides);
    }

    private static Results.BacktestResult Run(IReadOnlyList<string>? overrides)
    {
        var market = new SyntheticMarket(SyntheticMarket.Jan1, 4)
            .Gas(10)
            .Oracle("oracle/aave/ETH-USD", _ => 3_000)
            .Aave("USDT", _ => 1.0, _ => 1.0);
        var spec = Backtest.Spec(market, UsdtLending, 100_000) with { Overrides = overrides };
        var strategy = StrategyCatalog.Create(UsdtLending);
        return BacktestEngine.Run(spec, strategy, Backtest.Data(market, UsdtLending, strategy));
    }
}
