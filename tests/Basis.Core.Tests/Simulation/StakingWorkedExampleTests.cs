using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Tests.Support;
using Basis.Core.Time;

namespace Basis.Core.Tests.Simulation;

public sealed class StakingWorkedExampleTests
{
    [Fact]
    public void Staking_yield_is_units_times_the_rate_growth_in_eth()
    {
        // 100 ETH; gas 0.001 ETH; stake 99.999 ETH at weETH/ETH 1.04 → 96.1529... weETH. The rate rises 0.00001
        // an hour for 71 hours (to 1.04071): staking yield = 96.1529 × 0.00071 = 0.068268... ETH. ETH/USD moves
        // but the ETH share class sees no price P&L.
        var mode = TestSettings.Mode("eth_staking_only", ShareClass.Eth, new StakingParameters(LstToken.WeEth, 0.02, new SeasonalRewardsParameters(false, false, 0.002)));
        var market = new SyntheticMarket(SyntheticMarket.Jan1, 72)
            .Gas(10)
            .Oracle("oracle/aave/ETH-USD", h => 3_000 + (50 * Math.Sin(h)))
            .Lst("weETH", h => 1.04 + (0.00001 * h));

        var result = Backtest.Run(market, mode, 100);

        var units = 99.999 / 1.04;
        Assert.Equal(units, result.FinalPositions["etherfi:LST:weETH"], 12);
        Assert.Equal(units * 0.00071, result.Source(AttributionSource.StakingYield), 12);
        Assert.Equal(0, result.Source(AttributionSource.Price));
        Assert.Equal(-0.001, result.Source(AttributionSource.Gas), 15);
        Assert.Equal(units * 1.04071, result.Summary.FinalEquity, 12);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-12);
    }

    [Fact]
    public void Seasonal_rewards_pay_tokens_for_the_time_weighted_eeth_held_and_are_sold_as_dust()
    {
        // Rate flat at 1.0 so 1 weETH = 1 eETH. 100 ETH staked (less 0.001 gas) from hour 0. An EIGEN payout at
        // hour 48 for the period [hour −48, hour 48) pays 0.2 EIGEN per eETH held over the whole period; held for
        // half of it → 0.2 × 99.999 × 0.5 = 9.9999 EIGEN, worth 0.01 ETH each = 0.099999 ETH of rewards (0.1% of
        // equity, above the 0.05% dust threshold, so it is sold the same hour: 30 bps pool fee, gas for unwrap + swap).
        var mode = TestSettings.Mode("eth_staking_only", ShareClass.Eth, new StakingParameters(LstToken.WeEth, 0.02, new SeasonalRewardsParameters(true, false, 0.0005)));
        var market = new SyntheticMarket(SyntheticMarket.Jan1, 72)
            .Gas(10)
            .Oracle("oracle/aave/ETH-USD", _ => 3_000)
            .Lst("weETH", _ => 1.0)
            .Bars("spot/uniswap/EIGENWETH", _ => 0.01)
            .Bars("spot/uniswap/ETHFIWETH", _ => 0.005);
        var start = SyntheticMarket.Jan1;
        market.Rows(new SeriesData(SeriesId.Parse("rewards/etherfi/EIGEN"), [UnixTime.ToSeconds(start.AddHours(48))],
            [[UnixTime.ToSeconds(start.AddHours(-48))], [UnixTime.ToSeconds(start.AddHours(48))], [0.2], [0]]));
        market.Rows(SeriesData.Empty(SeriesId.Parse("rewards/etherfi/ETHFI")));

        var result = Backtest.Run(market, mode, 100);

        var rewardEth = 0.2 * 99.999 * 0.5 * 0.01;
        Assert.Equal(rewardEth, result.Source(AttributionSource.Rewards), 12);
        Assert.Equal(-rewardEth * 0.003, result.Source(AttributionSource.TradingFees), 12);
        Assert.Equal(0, result.FinalPositions.GetValueOrDefault("wallet:BaseToken:EIGEN"));
        Assert.Contains(result.Events, e => e is Events.RewardEvent { Amount: var a } && Math.Abs(a - 9.9999) < 1e-9);
        Assert.True(Math.Abs(result.Summary.AttributionResidual) < 1e-12);
    }
}
