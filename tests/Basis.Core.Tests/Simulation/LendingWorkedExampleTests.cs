using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Tests.Support;

namespace Basis.Core.Tests.Simulation;

public sealed class LendingWorkedExampleTests
{
    private static readonly ModeSettings UsdtLending =
        TestSettings.Mode("pure_lending_usdt", ShareClass.Usdt, new LendingParameters(Asset.Usdt, 0.02));

    [Fact]
    public void Usdt_supplied_at_entry_earns_the_index_growth_and_pays_one_supply_in_gas()
    {
        // 48 hours; the USDT liquidity index grows 0.001% an hour from 1.0; gas 10 gwei × 100,000 units = 0.001 ETH
        // at a flat 3,000 USD = 3 USDT. Supplying 100,000 USDT at index 1.0 mints 100,000 scaled; after 47 hours
        // of growth the supply is worth 100,000 × 1.00001^47 = 100,470.1081... USDT.
        var market = new SyntheticMarket(SyntheticMarket.Jan1, 48)
            .Gas(10)
            .Oracle("oracle/aave/ETH-USD", _ => 3_000)
            .Aave("USDT", h => Math.Pow(1.00001, h), h => Math.Pow(1.00002, h));

        var result = Backtest.Run(market, UsdtLending, 100_000);

        var expectedYield = 100_000 * (Math.Pow(1.00001, 47) - 1);
        Assert.Equal(expectedYield, result.Source(AttributionSource.LendingYield), 6);
        Assert.Equal(-3, result.Source(AttributionSource.Gas), 9);
        Assert.Equal(100_000 + expectedYield - 3, result.Summary.FinalEquity, 6);
        Assert.Equal(0, result.Source(AttributionSource.Price), 9);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-9, $"residual {result.Summary.AttributionResidual}");
        Assert.Equal(100_000, result.FinalPositions["aave_v3:aToken:aUSDT"], 6);
    }

    [Fact]
    public void Gas_paid_in_eth_leaves_a_usdt_book_with_a_small_eth_price_exposure()
    {
        // The 0.001 ETH of gas is fronted from the wallet (a −0.001 ETH balance). When ETH rises from 3,000 to
        // 3,600 that debt grows by 0.6 USDT, booked as price.
        var market = new SyntheticMarket(SyntheticMarket.Jan1, 2)
            .Gas(10)
            .Oracle("oracle/aave/ETH-USD", h => h == 0 ? 3_000 : 3_600)
            .Aave("USDT", _ => 1.0, _ => 1.0);

        var result = Backtest.Run(market, UsdtLending, 100_000);

        Assert.Equal(-0.6, result.Source(AttributionSource.Price), 9);
        Assert.Equal(-0.001, result.FinalPositions["wallet:BaseToken:ETH"], 12);
    }

    [Fact]
    public void Eth_lending_in_the_eth_share_class_has_no_price_attribution_whatever_eth_does()
    {
        // 10 ETH capital; supply 10 − 0.001 (gas) ETH to the WETH reserve, index +0.002% an hour. ETH swings
        // between 2,000 and 4,000 USD, which must not show in an ETH-denominated book.
        var mode = TestSettings.Mode("pure_lending_eth", ShareClass.Eth, new LendingParameters(Asset.Eth, 0.02));
        var market = new SyntheticMarket(SyntheticMarket.Jan1, 24)
            .Gas(10)
            .Oracle("oracle/aave/ETH-USD", h => h % 2 == 0 ? 2_000 : 4_000)
            .Aave("WETH", h => 1.01 * Math.Pow(1.00002, h), h => 1.02);

        var result = Backtest.Run(market, mode, 10);

        var supplied = 10 - 0.001;
        Assert.Equal(0, result.Source(AttributionSource.Price));
        Assert.Equal(supplied * (Math.Pow(1.00002, 23) - 1), result.Source(AttributionSource.LendingYield), 12);
        Assert.Equal(supplied * Math.Pow(1.00002, 23), result.Summary.FinalEquity, 12);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-12);
    }
}
