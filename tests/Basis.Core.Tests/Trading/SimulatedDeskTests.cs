using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Results;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Tests.Support;
using Basis.Core.Trading;

namespace Basis.Core.Tests.Trading;

/// <summary>How the simulated desk carries out intents a strategy submits through its read-only view.</summary>
public sealed class SimulatedDeskTests
{
    private static readonly Instrument WalletEth = InstrumentRegistry.Balance(Venue.Wallet, Asset.Eth);
    private static readonly Instrument WeEth = InstrumentRegistry.Lst(LstToken.WeEth);
    private static readonly Instrument Collateral = InstrumentRegistry.AToken("weETH");
    private static readonly Instrument Debt = InstrumentRegistry.DebtToken("WETH");

    private static SyntheticMarket Market() =>
        new SyntheticMarket(SyntheticMarket.Jan1, 2)
            .Gas(10)
            .Oracle("oracle/aave/ETH-USD", _ => 3_000)
            .Lst("weETH", _ => 1.04)
            .Aave("weETH", _ => 1.0, _ => 1.0)
            .Aave("WETH", _ => 1.0, _ => 1.0);

    private static BacktestResult Run(Action<StrategyContext> entry)
    {
        var mode = TestSettings.Mode("scripted", ShareClass.Eth, new LeveragedStakingParameters(TestSettings.Leverage(), 0.02, true, new SeasonalRewardsParameters(false, false, 0.002)));
        var strategy = new ScriptedStrategy(entry);
        var market = Market();
        return BacktestEngine.Run(Backtest.Spec(market, mode, 100), strategy, Backtest.Data(market, mode, strategy));
    }

    [Fact]
    public void The_view_shows_each_intent_carried_out_before_submit_returns()
    {
        // Staking 40 of the 100 ETH at rate 1.04: the view holds 40 / 1.04 weETH and 60 ETH less the stake's gas.
        double unitsSeen = 0, ethSeen = 0;
        var result = Run(context =>
        {
            Assert.True(context.Submit(new LstStake(LstToken.WeEth, 40, "test")));
            unitsSeen = context.Quantity(WeEth);
            ethSeen = context.Quantity(WalletEth);
        });

        Assert.Equal(40 / 1.04, unitsSeen, 12);
        Assert.Equal(60 - SingleGas(result), ethSeen, 12);
        Assert.Equal(unitsSeen, result.FinalPositions[WeEth.Key.ToString()], 12);
    }

    [Fact]
    public void A_plan_whose_flash_loan_is_not_repaid_is_refused_and_changes_nothing()
    {
        var executed = true;
        var result = Run(context => executed = context.Submit(new AtomicPlan("lever", "test", 1.0, [GasOperation.AtomicEntry],
        [
            new FlashBorrow(50, "lever"),
            new LstStake(LstToken.WeEth, 150, "lever"),
            new AaveSupply(Collateral, 150 / 1.04, "lever"),
        ])));

        Assert.False(executed);
        var group = result.Events.OfType<AtomicGroupEvent>().Single();
        Assert.Equal("rejected", group.Status);
        Assert.Contains("flash loan of 50 ETH is not repaid", group.Reason, StringComparison.Ordinal);
        Assert.Equal(100, result.FinalPositions[WalletEth.Key.ToString()]);
        Assert.DoesNotContain(result.Events, e => e is StakeEvent or SupplyEvent or FlashLoanEvent);
        Assert.Equal(100, result.Summary.FinalEquity);
    }

    [Fact]
    public void A_plan_pays_its_gas_once_and_its_steps_none()
    {
        // Flash 100, stake 199 of the 200 ETH → 199 / 1.04 weETH supplied, borrow the flash plus its fee, repay the
        // flash: the wallet keeps 1 ETH less the plan's gas, and no step pays gas of its own.
        var result = Run(context => Assert.True(context.Submit(new AtomicPlan("lever", "test", 1.0, [GasOperation.AtomicEntry],
        [
            new FlashBorrow(100, "lever"),
            new LstStake(LstToken.WeEth, 199, "lever"),
            new AaveSupply(Collateral, context.LstMintUnits(LstToken.WeEth, 199), "lever"),
            new AaveBorrow(Debt, 100 + context.FlashLoanFeeEth(100), "lever"),
            new FlashRepay("lever"),
        ]))));

        Assert.Equal(199 / 1.04, result.FinalPositions[Collateral.Key.ToString()], 9);
        Assert.Equal(100 + TestFlashFee(100), result.FinalPositions[Debt.Key.ToString()], 9);
        var gas = result.Events.OfType<AtomicGroupEvent>().Single().GasEth;
        Assert.True(gas > 0);
        Assert.Equal(1 - gas, result.FinalPositions[WalletEth.Key.ToString()], 12);
        Assert.Equal(0, result.Events.OfType<StakeEvent>().Single().GasEth);
        Assert.Equal(0, result.Events.OfType<SupplyEvent>().Single().GasEth);
    }

    [Fact]
    public void Flash_loan_steps_and_nested_plans_are_refused_outside_a_plan()
    {
        var alone = Assert.Throws<ArgumentException>(() => Run(context => context.Submit(new FlashBorrow(1, "test"))));
        Assert.Contains("step of an atomic plan", alone.Message, StringComparison.Ordinal);

        var nested = new AtomicPlan("inner", "test", 1.0, [], []);
        var outer = Assert.Throws<ArgumentException>(() => Run(context => context.Submit(new AtomicPlan("outer", "test", 1.0, [], [nested]))));
        Assert.Contains("do not nest", outer.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_view_prices_intents_in_usd_at_the_hours_prices()
    {
        // ETH 3,000, weETH at 1.04 ETH, AAVE indices 1: staking 2 ETH is 6,000 USD; selling 2 weETH or supplying 2
        // weETH is 2 × 1.04 × 3,000 = 6,240 USD; a plan counts its largest step (a 10 ETH flash loan, 30,000 USD).
        var notionals = new List<double>();
        Run(context => notionals.AddRange(
        [
            context.NotionalUsd(new LstStake(LstToken.WeEth, 2, "test")),
            context.NotionalUsd(new LstSale(LstToken.WeEth, 2, "test")),
            context.NotionalUsd(new AaveSupply(Collateral, 2, "test")),
            context.NotionalUsd(new AtomicPlan("lever", "test", 1, [], [new FlashBorrow(10, "test"), new LstStake(LstToken.WeEth, 2, "test"), new FlashRepay("test")])),
            context.NotionalUsd(new FlashRepay("test")),
        ]));

        Assert.Equal([6_000, 6_240, 6_240, 30_000, 0], notionals.Select(n => Math.Round(n, 9)));
    }

    private static double TestFlashFee(double eth) => eth * TestSettings.Venues().Aave.FlashLoanFeeBps / 10_000;

    private static double SingleGas(BacktestResult result) => result.Events.OfType<StakeEvent>().Single().GasEth;

    /// <summary>A strategy that runs a script at entry and does nothing after.</summary>
    private sealed class ScriptedStrategy(Action<StrategyContext> entry) : IStrategy
    {
        public string Mode => "scripted";

        public IReadOnlyList<Instrument> Instruments => [WalletEth, WeEth, Collateral, Debt];

        public Asset? RiskAsset => Asset.Eth;

        public IReadOnlyList<RewardProgram> Rewards => [];

        public void OnHour(StrategyContext context)
        {
            if (context.IsEntry)
            {
                entry(context);
            }
        }

        public void RaiseCash(StrategyContext context, double amountSc, string purpose) => throw new NotSupportedException();

        public void WriteState(BinaryWriter writer)
        {
        }

        public void ReadState(BinaryReader reader)
        {
        }
    }
}
