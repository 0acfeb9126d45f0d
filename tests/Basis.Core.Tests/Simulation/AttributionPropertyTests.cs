using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Tests.Support;
using CsCheck;

namespace Basis.Core.Tests.Simulation;

/// <summary>
/// For any market path, equity recomputed from positions must equal the initial capital plus the attribution
/// sources: the residual is floating-point error only. Paths include violent moves that force rebalances and
/// liquidations, negative funding and a wandering perp–spot spread.
/// </summary>
public sealed class AttributionPropertyTests
{
    private const int Hours = 72;

    private static readonly Gen<double[]> Returns = Gen.Double[-0.04, 0.04].Array[Hours];
    private static readonly Gen<double[]> Spreads = Gen.Double[-0.002, 0.002].Array[Hours];
    private static readonly Gen<double[]> FundingRates = Gen.Double[-0.0005, 0.001].Array[Hours];
    private static readonly Gen<double[]> Growth = Gen.Double[0, 0.0001].Array[Hours];

    [Fact]
    public void Basis_attribution_reconciles_for_any_path()
    {
        Gen.Select(Returns, Spreads, FundingRates, Gen.Double[0.05, 0.5]).Sample((returns, spreads, funding, margin) =>
        {
            var spot = Path(3_000, returns);
            var market = new SyntheticMarket(SyntheticMarket.Jan1, Hours).Gas(20).Bars("spot/bybit/ETHUSDT", h => spot[h]);
            foreach (var venue in new[] { "binance", "bybit", "okx" })
            {
                market.Bars($"perp/{venue}/ETHUSDT", h => spot[h] * (1 + spreads[Math.Min(h, Hours - 1)])).Funding($"funding/{venue}/ETHUSDT", [.. Enumerable.Range(0, Hours).Where(h => h % 8 == 0).Select(h => (h, funding[h]))]);
            }

            var mode = TestSettings.Mode("eth_basis", ShareClass.Usdt,
                new BasisParameters(Asset.Eth, Venue.Bybit, HedgeAllocation.Default, margin, margin * 0.6, margin * 1.6, 0.02, 0.02), ethPrice: "spot/bybit/ETHUSDT");
            var result = Backtest.Run(market, mode, 100_000, TestSettings.Venues(slippageBps: 2));

            Assert.True(Math.Abs(result.Summary.AttributionResidual) <= 1e-9 * 100_000, $"residual {result.Summary.AttributionResidual}");
        }, iter: 150);
    }

    [Fact]
    public void Staking_and_lending_attribution_reconciles_for_any_path()
    {
        Gen.Select(Returns, Growth, Growth).Sample((returns, rateGrowth, indexGrowth) =>
        {
            var eth = Path(3_000, returns);
            var rate = Path(1.05, rateGrowth);
            var index = Path(1.02, indexGrowth);
            var market = new SyntheticMarket(SyntheticMarket.Jan1, Hours)
                .Gas(20)
                .Oracle("oracle/aave/ETH-USD", h => eth[h])
                .Lst("weETH", h => rate[h])
                .Aave("USDT", h => index[h], h => index[h])
                .Aave("WETH", h => index[h], h => index[h]);

            var staking = Backtest.Run(market, TestSettings.Mode("eth_staking_only", ShareClass.Eth, new StakingParameters(LstToken.WeEth, 0.02, new SeasonalRewardsParameters(false, false, 0.002))), 100);
            var usdtLending = Backtest.Run(market, TestSettings.Mode("pure_lending_usdt", ShareClass.Usdt, new LendingParameters(Asset.Usdt, 0.02)), 100_000);
            var ethLending = Backtest.Run(market, TestSettings.Mode("pure_lending_eth", ShareClass.Eth, new LendingParameters(Asset.Eth, 0.02)), 100);

            Assert.True(Math.Abs(staking.Summary.AttributionResidual) <= 1e-12 * 100);
            Assert.True(Math.Abs(usdtLending.Summary.AttributionResidual) <= 1e-9 * 100_000);
            Assert.True(Math.Abs(ethLending.Summary.AttributionResidual) <= 1e-12 * 100);
            Assert.Equal(0, staking.Source(AttributionSource.Price));
        }, iter: 100);
    }

    private static double[] Path(double start, double[] changes)
    {
        var path = new double[changes.Length + 1];
        path[0] = start;
        for (var i = 0; i < changes.Length; i++)
        {
            path[i + 1] = path[i] * (1 + changes[i]);
        }

        return path;
    }
}
