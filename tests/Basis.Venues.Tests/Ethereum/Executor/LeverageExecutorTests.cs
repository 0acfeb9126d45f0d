using System.Numerics;
using Basis.Core.Accounting;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Ethereum.Executor;
using Basis.Venues.Tests.Ethereum.Fixtures;
using Nethereum.RPC.Eth.DTOs;

namespace Basis.Venues.Tests.Ethereum.Executor;

/// <summary>
/// The leverage executor on the real AAVE v3 core: entry, deleverage and unwind each in one transaction, and a failed
/// or unauthorised call changes nothing. Each test sets up its loop market and the chain reverts afterwards.
/// </summary>
public sealed class LeverageExecutorTests(EthereumChainFixture fixture) : ChainTest(fixture)
{
    private const decimal TargetLtv = 0.90m;
    /// <summary>
    /// What <paramref name="debt"/> can accrue between reading the loop's state and mining the plan: anvil stamps blocks
    /// with the wall clock, so a loaded machine makes that seconds. A millionth of the debt is far above seconds of
    /// interest at any rate the reserve sets, and far below any planning error.
    /// </summary>
    private static BigInteger InterestWhileMining(BigInteger debt) => debt / 1_000_000;

    private static readonly BigInteger Ether = LoopTestMarket.Ether;

    [Fact]
    public async Task Entry_builds_the_emode_loop_to_the_target_ltv_in_one_transaction_with_the_engines_health_factor()
    {
        var ct = TestContext.Current.CancellationToken;
        using var loop = await LoopTestMarket.SetUpAsync(Fixture, ct);
        var nonce = await ChainNonceAsync(loop.Owner);

        var plan = LoopPlanner.Lever(loop.Market, await loop.StateAsync(), loop.OwnerAddress, loop.Executor.Address, LoopTestMarket.Equity, TargetLtv);
        var receipt = await loop.Executor.ExecutePlanAsync(plan, ct);
        Report("entry", receipt, plan);

        Assert.Equal(nonce + 1, await ChainNonceAsync(loop.Owner));
        var state = await loop.StateAsync();
        Assert.InRange(state.Ltv, TargetLtv - 0.000001m, TargetLtv + 0.000001m);
        Assert.Equal(plan.CollateralChange, state.CollateralWeEth);
        Assert.InRange(state.DebtWeth, plan.DebtChange, plan.DebtChange + 1); // rayDiv then rayMul of the borrow: at most a wei
        Assert.Equal(BigInteger.Zero, await new Erc20Token(loop.Owner, loop.Market.Weth).BalanceOfAsync());
        await AssertExecutorEmptyAsync(loop);

        // docs/accounting.md's entry, S = E/(1−λ) = 20 ETH of weETH for 2 WETH at λ = 0.9 (oracle and EtherFi agree
        // on 1.05), once the borrow also covers the 5 bp premium: S = E(1+π)/(1+π−λ) = 19.910448 ETH.
        Assert.InRange(Eth(state.CollateralWeEth) * 1.05m, 19.910447m, 19.910449m);
        await AssertEngineHealthFactorAsync(loop, state);
    }

    [Fact]
    public async Task Relever_raises_an_open_loop_to_a_higher_target_ltv_without_new_equity()
    {
        var ct = TestContext.Current.CancellationToken;
        using var loop = await LoopTestMarket.SetUpAsync(Fixture, ct);
        await loop.Executor.ExecutePlanAsync(LoopPlanner.Lever(loop.Market, await loop.StateAsync(), loop.OwnerAddress, loop.Executor.Address, LoopTestMarket.Equity, 0.80m), ct);
        var before = await loop.StateAsync();
        Assert.InRange(before.Ltv, 0.799999m, 0.800001m);

        var plan = LoopPlanner.Lever(loop.Market, before, loop.OwnerAddress, loop.Executor.Address, BigInteger.Zero, TargetLtv);
        var receipt = await loop.Executor.ExecutePlanAsync(plan, ct);
        Report("re-lever", receipt, plan);

        var after = await loop.StateAsync();
        Assert.InRange(after.Ltv, TargetLtv - 0.000001m, TargetLtv + 0.000001m);
        Assert.Equal(before.CollateralWeEth + plan.CollateralChange, after.CollateralWeEth);
        Assert.InRange(after.DebtWeth - before.DebtWeth, plan.DebtChange, plan.DebtChange + InterestWhileMining(before.DebtWeth));
        await AssertExecutorEmptyAsync(loop);
        await AssertEngineHealthFactorAsync(loop, after);
    }

    [Fact]
    public async Task Deleverage_after_a_weeth_price_drop_lifts_the_health_factor_above_the_floor_repaying_the_planned_debt()
    {
        var ct = TestContext.Current.CancellationToken;
        using var loop = await LoopTestMarket.SetUpAsync(Fixture, ct);
        await loop.Executor.ExecutePlanAsync(LoopPlanner.Lever(loop.Market, await loop.StateAsync(), loop.OwnerAddress, loop.Executor.Address, LoopTestMarket.Equity, TargetLtv), ct);

        // weETH falls from $2100 to $2000 (−4.8 %): LTV 0.9 → 0.945, HF 1.056 → 1.005, under a 1.03 floor.
        using (var admin = Fixture.Client(0))
        {
            await AaveV3Deployment.SetPriceAsync(admin, Fixture.Artifacts, Fixture.Market, loop.Market.WeEth, 2000m, ct);
        }

        var pool = new AavePool(loop.Owner, loop.Market.Pool);
        const decimal floor = 1.03m;
        Assert.True((await pool.GetUserAccountDataAsync()).HealthFactor < floor);

        // Back to LTV 0.85: the repayment solves the LTV at the pool's price for 1 WETH, the sale is quoted exactly.
        var state = await loop.StateAsync();
        var weEthPerWeth = (decimal)await LoopQuotes.WeEthInForAsync(loop.Owner, loop.Market, loop.Quoter, Ether) / (decimal)Ether;
        var repay = LoopPlanner.DebtToRepay(state, 0.85m, weEthPerWeth);
        var sell = await LoopQuotes.WeEthInForAsync(loop.Owner, loop.Market, loop.Quoter, repay + state.Premium(repay));
        var plan = LoopPlanner.Deleverage(loop.Market, state, loop.OwnerAddress, loop.Executor.Address, repay, sell, await loop.DeadlineAsync(ct));
        var receipt = await loop.Executor.ExecutePlanAsync(plan, ct);
        Report("deleverage", receipt, plan);

        var after = await loop.StateAsync();
        var hf = (await pool.GetUserAccountDataAsync()).HealthFactor!.Value;
        Assert.True(hf > floor, $"HF {hf} after the deleverage");
        Assert.InRange(after.Ltv, 0.849m, 0.851m);
        Assert.Equal(state.CollateralWeEth - sell, after.CollateralWeEth);
        // Debt falls by the planned repayment, less what it accrued between reading and mining.
        Assert.InRange(state.DebtWeth - after.DebtWeth, repay - InterestWhileMining(state.DebtWeth), repay);
        await AssertExecutorEmptyAsync(loop);
        await AssertEngineHealthFactorAsync(loop, after);
    }

    [Fact]
    public async Task Unwind_repays_all_debt_withdraws_all_collateral_and_returns_the_weth_less_premiums_and_swap_costs()
    {
        var ct = TestContext.Current.CancellationToken;
        using var loop = await LoopTestMarket.SetUpAsync(Fixture, ct);
        var entry = LoopPlanner.Lever(loop.Market, await loop.StateAsync(), loop.OwnerAddress, loop.Executor.Address, LoopTestMarket.Equity, TargetLtv);
        await loop.Executor.ExecutePlanAsync(entry, ct);
        await Fixture.Chain.IncreaseTimeAsync(TimeSpan.FromDays(1), ct);

        var state = await loop.StateAsync();
        var quoted = await LoopQuotes.WethOutForAsync(loop.Owner, loop.Market, loop.Quoter, state.CollateralWeEth);
        var plan = LoopPlanner.Unwind(loop.Market, state, loop.OwnerAddress, loop.Executor.Address, state.DebtWeth / 100_000, quoted * 995 / 1000, await loop.DeadlineAsync(ct));
        var receipt = await loop.Executor.ExecutePlanAsync(plan, ct);
        Report("unwind", receipt, plan);

        var after = await loop.StateAsync();
        Assert.Equal(BigInteger.Zero, after.DebtWeth);
        Assert.Equal(BigInteger.Zero, after.CollateralWeEth);
        Assert.Equal(BigInteger.Zero, await new Erc20Token(loop.Owner, loop.Market.WeEth).BalanceOfAsync());
        await AssertExecutorEmptyAsync(loop);

        // The owner's WETH: what the sale bought, less the debt with a day's interest and the premium on the unwind's loan.
        var weth = await new Erc20Token(loop.Owner, loop.Market.Weth).BalanceOfAsync();
        var interest = state.DebtWeth - entry.DebtChange;
        var premiums = entry.FlashPremium + plan.FlashPremium;
        var lost = LoopTestMarket.Equity - weth;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"unwind: {Eth(weth)} WETH back of {Eth(LoopTestMarket.Equity)}; premiums {Eth(premiums)}, interest {Eth(interest)}, swap {Eth(lost - premiums - interest)}");
        Assert.True(lost > premiums + interest, $"lost {lost}, premiums and interest {premiums + interest}");
        // The swap's fee (0.05 %) and price impact (~20/9000) on ~20 ETH: under 0.1 ETH.
        Assert.InRange(lost - premiums - interest, BigInteger.Zero, Ether / 10);
    }

    [Fact]
    public async Task A_failing_step_reverts_everything_naming_the_step_and_a_non_owner_cannot_execute()
    {
        var ct = TestContext.Current.CancellationToken;
        using var loop = await LoopTestMarket.SetUpAsync(Fixture, ct);
        var before = await loop.BalancesAsync();

        // λ = 0.95 exceeds eMode's 93 % LTV: the borrow (step 7) fails with AAVE's error 36 and nothing stays done.
        var tooFar = LoopPlanner.Lever(loop.Market, await loop.StateAsync(), loop.OwnerAddress, loop.Executor.Address, LoopTestMarket.Equity, 0.95m);
        var revert = await Assert.ThrowsAsync<EthereumRevertException>(() => loop.Executor.ExecutePlanAsync(tooFar, ct));
        Assert.Equal("step 7 failed: 36", revert.Reason);
        Assert.Equal("borrow WETH on the owner's account", tooFar.Steps[7].Description);
        Assert.Equal(before, await loop.BalancesAsync());

        // Mined anyway (gas limit set, no estimate): the transaction reverts on chain and only its gas is paid.
        var gasPrice = (await loop.Owner.Web3.Eth.GasPrice.SendRequestAsync()).Value * 2;
        var mined = await SendWithoutEstimateAsync(loop, tooFar, gasPrice);
        Assert.Equal(BigInteger.Zero, mined.Status.Value);
        var after = await loop.BalancesAsync();
        Assert.Equal(before[0] - (mined.GasUsed.Value * mined.EffectiveGasPrice.Value), after[0]);
        Assert.Equal(before[1..], after[1..]);

        // Another account cannot run even a valid plan.
        using var outsider = Fixture.Client(1); // the lender: any account but the owner
        var plan = LoopPlanner.Lever(loop.Market, await loop.StateAsync(), loop.OwnerAddress, loop.Executor.Address, LoopTestMarket.Equity, TargetLtv);
        var denied = await Assert.ThrowsAsync<EthereumRevertException>(() => new LeverageExecutor(outsider, loop.Executor.Address).ExecutePlanAsync(plan, ct));
        Assert.Equal("LeverageExecutor: caller is not the owner", denied.Reason);
        Assert.Equal(after, await loop.BalancesAsync());
        Assert.Equal(loop.OwnerAddress, await loop.Executor.OwnerAsync(), ignoreCase: true);
    }

    [Fact]
    public async Task Execute_operation_called_by_an_outsider_or_for_an_outsiders_flash_loan_reverts()
    {
        var ct = TestContext.Current.CancellationToken;
        using var loop = await LoopTestMarket.SetUpAsync(Fixture, ct);
        using var outsider = Fixture.Client(1); // the lender: any account but the owner
        var before = await loop.BalancesAsync();

        var direct = await Assert.ThrowsAsync<EthereumRevertException>(() => outsider.SendAsync(
            loop.Executor.Address,
            new ExecuteOperationFunction { Asset = loop.Market.Weth, Amount = Ether, Premium = 0, Initiator = loop.Executor.Address, Params = [] },
            ct));
        Assert.Equal("LeverageExecutor: caller is not the pool", direct.Reason);

        // Through the real pool: the pool is the caller, but the loan is the outsider's.
        var viaPool = await Assert.ThrowsAsync<EthereumRevertException>(() => outsider.SendAsync(
            loop.Market.Pool,
            new FlashLoanSimpleFunction { Receiver = loop.Executor.Address, Asset = loop.Market.Weth, Amount = Ether, Params = [] },
            ct));
        Assert.Equal("LeverageExecutor: loan not initiated by the executor", viaPool.Reason);
        Assert.Equal(before, await loop.BalancesAsync());
    }

    private static async Task AssertExecutorEmptyAsync(LoopTestMarket loop)
    {
        // ETH, WETH, weETH swept to zero; eETH may keep one wei: a share worth ~1.05 wei left by wrap's rounding, which
        // transfer(1) cannot move (it moves sharesFor(1) = 0 shares), as with the real rebasing eETH and stETH.
        var holdings = await loop.ExecutorHoldingsAsync();
        Assert.Equal([BigInteger.Zero, BigInteger.Zero, BigInteger.Zero], holdings[..3]);
        Assert.InRange(holdings[3], BigInteger.Zero, BigInteger.One);
    }

    private static async Task AssertEngineHealthFactorAsync(LoopTestMarket loop, LoopState state)
    {
        // The engine's HF (docs/accounting.md) from the same balances, oracle prices and eMode threshold.
        var account = await new AavePool(loop.Owner, loop.Market.Pool).GetUserAccountDataAsync();
        var threshold = AaveMarket.EModeLiquidationThresholdBps / 10_000.0;
        Assert.Equal(0.95m, account.LiquidationThreshold);
        var collateral = (double)state.CollateralWeEth / 1e18 * (double)state.WeEthPriceUsd;
        var debt = (double)state.DebtWeth / 1e18 * (double)state.WethPriceUsd;
        var engine = AaveAccounting.HealthFactor(collateral * threshold, debt);
        var chain = (double)account.HealthFactorWad / 1e18;
        Assert.True(Math.Abs(chain - engine) <= 1e-9 * engine, $"HF {chain} on chain, {engine} by the engine");
    }

    private static async Task<TransactionReceipt> SendWithoutEstimateAsync(LoopTestMarket loop, LoopPlan plan, BigInteger gasPrice)
    {
        var message = new ExecuteFunction
        {
            Asset = plan.FlashAsset,
            Amount = plan.FlashAmount,
            Steps = plan.Steps.Select(s => new StepInput { Target = s.Target, Value = s.Value, Data = Nethereum.Hex.HexConvertors.Extensions.HexByteConvertorExtensions.HexToByteArray(s.CallData) }).ToList(),
            Sweep = [.. plan.Sweep],
            FromAddress = loop.OwnerAddress,
            Gas = 3_000_000,
            MaxFeePerGas = gasPrice,
            MaxPriorityFeePerGas = 1,
            Nonce = await ChainNonceAsync(loop.Owner),
        };
        var hash = await loop.Owner.Web3.Eth.GetContractTransactionHandler<ExecuteFunction>().SendRequestAsync(loop.Executor.Address, message);
        TransactionReceipt? receipt = null;
        while (receipt is null)
        {
            receipt = await loop.Owner.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash);
        }

        return receipt;
    }

    private static void Report(string operation, TransactionReceipt receipt, LoopPlan plan) =>
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{operation}: gas {receipt.GasUsed.Value}, {plan.Steps.Count} steps, flash {Eth(plan.FlashAmount)} WETH + {Eth(plan.FlashPremium)} premium, collateral {Eth(plan.CollateralChange):+0.######;-0.######} weETH, debt {Eth(plan.DebtChange):+0.######;-0.######} WETH");

    private static decimal Eth(BigInteger wei) => (decimal)wei / 1e18m;

    private static async Task<BigInteger> ChainNonceAsync(EthereumClient client) =>
        (await client.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(client.Account.Address, BlockParameter.CreatePending())).Value;
}
