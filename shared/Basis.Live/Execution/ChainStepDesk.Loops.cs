using System.Numerics;
using Basis.Live.Ledger;
using Basis.Live.Reconciliation;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Ethereum.Executor;
using Basis.Venues.Exchanges;
using Nethereum.RPC.Eth.DTOs;

namespace Basis.Live.Execution;

/// <summary>
/// A leveraged loop's atomic plans (<see cref="ChainStepKind.LoopLever"/>, <see cref="ChainStepKind.LoopDeleverage"/>,
/// <see cref="ChainStepKind.LoopUnwind"/>): each one transaction through the instance's own <see cref="LeverageExecutor"/>,
/// planned by <see cref="LoopPlanner"/> from the loop's state on the chain when it is signed. The instance's executor is
/// deployed before its first plan and found again in the ledger by that deployment's transaction; the account's
/// one-time grants to it (credit delegation on the WETH debt, allowances on wallet WETH and the aTokens) and its entry
/// into the ETH eMode are sent when missing, each recorded with its gas.
/// </summary>
/// <remarks>
/// What a mined plan did is read from the AAVE pool's events in its receipt (supplied, borrowed, repaid, withdrawn, the
/// flash loan and its premium) and the WETH it left in the wallet, and booked as: a lever, the WETH it took (from the
/// wallet and by flash loan) exchanged for the LST supplied, the flash premium its fee, the borrow a transfer from
/// <see cref="ChainReader.AaveBorrowed"/> into the wallet and the supply one from the wallet to AAVE; an exit, the LST
/// withdrawn into the wallet, sold for what the sale gave (the premium its fee) and the debt repaid from it.
/// </remarks>
public sealed partial class ChainStepDesk
{
    /// <summary>The ledger's name of an executor's deployment, by which the instance's executor is found again.</summary>
    public const string ExecutorDeployment = "deploy_executor";

    private static bool IsLoop(ChainStepKind kind) => kind is ChainStepKind.LoopLever or ChainStepKind.LoopDeleverage or ChainStepKind.LoopUnwind;

    /// <summary>The loop's LST: what a lever supplies, what an exit sells.</summary>
    private static string LoopLst(LedgerChainStep step) => step.Kind == ChainStepKind.LoopLever ? step.Counter! : step.Asset;

    /// <summary>
    /// What this host lacks to send a loop's plan. A lever needs the exit's route too: a loop is not entered where it
    /// could not be left.
    /// </summary>
    private string? LoopUnsendable(LedgerChainStep step)
    {
        var staking = LiquidStaking.EtherFi;
        var lst = LoopLst(step);
        if (lst != staking.Wrapped)
        {
            return $"the leverage executor's plans stake with EtherFi only: a loop of {lst} is not sent for real yet";
        }

        return new[] { WrappedEth, staking.Rebasing, staking.Wrapped }.FirstOrDefault(symbol => Token(symbol) is null) is { } unknown ? $"this host knows no {unknown} token on its chain"
            : EtherFiLiquidityPool is null ? "this host's chain contracts list no etherfi.liquidity_pool"
            : EthEModeCategory is null ? "this host's chain contracts list no aave_v3.eth_emode_category (the eMode a loop borrows in)"
            : Uniswap is null ? "this host's chain contracts list no uniswap_v3.swap_router (where a loop's exit sells)"
            : Uniswap.FeeTier(lst, WrappedEth) is null ? $"this host's chain contracts list no uniswap_v3.fee_tiers for {lst}/{WrappedEth} (where a loop's exit sells)"
            : null;
    }

    /// <summary>
    /// Signs the step's plan at the account's next nonce, from the loop's state read now: a lever of the step's equity
    /// and flash loan; a deleverage of its flash loan and LST, its sale bounded by the step's limit; an unwind of the
    /// whole debt (with a margin for the interest until it is mined, which comes back) and all the LST.
    /// </summary>
    private async Task<SignedTransaction> SignLoopAsync(string instanceId, LedgerChainStep step, CancellationToken cancellationToken)
    {
        var market = await LoopMarketAsync(LoopLst(step)).ConfigureAwait(false);
        var executor = await ExecutorAsync(instanceId, market, cancellationToken).ConfigureAwait(false);
        var owner = client.Account.Address;
        var state = await LoopState.ReadAsync(client, market, owner).ConfigureAwait(false);
        var weth = Token(WrappedEth)!;
        var flash = Units(step.Flash!.Value, weth);
        var deadline = (await client.ChainTimeAsync(cancellationToken).ConfigureAwait(false)).Add(SwapValidity).ToUnixTimeSeconds();
        var plan = step.Kind switch
        {
            ChainStepKind.LoopLever => LoopPlanner.LeverByFlash(market, state, owner, executor.Address, Units(step.Amount, weth), flash),
            ChainStepKind.LoopDeleverage => LoopPlanner.Deleverage(
                market, state, owner, executor.Address, BigInteger.Min(flash, state.DebtWeth), BigInteger.Min(Units(step.Amount, Token(step.Asset)!), state.CollateralWeEth), deadline, Units(step.Limit!.Value, weth)),
            _ => LoopPlanner.Unwind(market, state, owner, executor.Address, state.DebtWeth / UnwindInterestMargin, Units(step.Limit!.Value, weth), deadline),
        };
        return await executor.SignPlanAsync(plan, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// An unwind borrows the debt plus this fraction of it (1/10,000): the interest of a signed plan's half hour of
    /// validity (<see cref="SwapValidity"/>) at any rate under 175 % a year; what the repayment leaves of it is swept back
    /// to the wallet.
    /// </summary>
    private const int UnwindInterestMargin = 10_000;

    /// <summary>
    /// The instance's executor, deployed by its first plan and found again by that deployment's transaction; with the
    /// account's grants to it and its entry into the ETH eMode, each sent and recorded only when missing.
    /// </summary>
    private async Task<LeverageExecutor> ExecutorAsync(string instanceId, LoopMarket market, CancellationToken cancellationToken)
    {
        LeverageExecutor executor;
        if (await ledger.LatestTransactionAsync(instanceId, ExecutorDeployment, TransactionStatus.Confirmed, cancellationToken).ConfigureAwait(false) is { } deployed
            && (await client.FindReceiptAsync(deployed.TxHash, cancellationToken).ConfigureAwait(false))?.ContractAddress is { } address)
        {
            executor = new LeverageExecutor(client, address);
        }
        else
        {
            executor = await LeverageExecutor.DeployAsync(client, aave.Address, cancellationToken).ConfigureAwait(false);
            await RecordTransactionAsync(instanceId, ExecutorDeployment, executor.Deployment!, TransactionStatus.Confirmed, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        foreach (var grant in await executor.GrantAsync(market.VariableDebtWeth, [market.Weth, market.ATokenWeEth], cancellationToken).ConfigureAwait(false))
        {
            await RecordApprovalAsync(instanceId, grant, cancellationToken).ConfigureAwait(false);
        }

        if (await aave.GetUserEModeAsync().ConfigureAwait(false) != EthEModeCategory!.Value)
        {
            var entered = await aave.SetUserEModeAsync(EthEModeCategory.Value, cancellationToken).ConfigureAwait(false);
            await RecordTransactionAsync(instanceId, "set_emode", entered, TransactionStatus.Confirmed, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }

        return executor;
    }

    /// <summary>The contracts of a weETH loop on this chain, the AAVE reserves' tokens read from the pool.</summary>
    private async Task<LoopMarket> LoopMarketAsync(string lst)
    {
        var (weth, weEth) = (Token(WrappedEth)!.Address, Token(lst)!.Address);
        var collateral = await aave.GetReserveDataAsync(weEth).ConfigureAwait(false);
        var debt = await aave.GetReserveDataAsync(weth).ConfigureAwait(false);
        return new LoopMarket(
            aave.Address, weth, weEth, collateral.ATokenAddress, debt.VariableDebtTokenAddress, EtherFiLiquidityPool!,
            Token(LiquidStaking.EtherFi.Rebasing)!.Address, Uniswap!.SwapRouter, Uniswap.FeeTier(lst, WrappedEth)!.Value);
    }

    /// <summary>Books what a mined plan did, from the pool's events and the WETH it swept back (see the remarks).</summary>
    private async Task<bool> RecordLoopAsync(string instanceId, LedgerChainStep step, TransactionReceipt receipt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (owner, executor) = (client.Account.Address, receipt.To);
        var (weth, lst) = (Token(WrappedEth)!, Token(LoopLst(step))!);
        var events = new PoolEvents(receipt, aave.Address);
        var (_, premiumUnits) = events.FlashLoaned(weth.Address);
        var premium = Amount(premiumUnits, weth);
        var hash = step.TxHash!;
        bool recorded;
        if (step.Kind == ChainStepKind.LoopLever)
        {
            var supplied = Amount(events.Supplied(lst.Address, owner), lst);
            var borrowed = Amount(events.Borrowed(weth.Address, owner), weth);
            if (supplied <= 0m)
            {
                throw new InvalidOperationException($"the chain step {Describe(step)} was mined ({hash}) but its receipt shows no {lst.Symbol} supplied");
            }

            // Staked: the equity and the flash loan; the premium, paid from the borrow, is the plan's fee.
            var staked = step.Amount + (borrowed - premium);
            recorded = await ledger.AppendFillAsync(new LedgerFill(
                instanceId, ChainReader.Wallet, hash, step.StepId, lst.Symbol, MarketType.Spot, lst.Symbol, weth.Symbol, OrderSide.Buy, supplied, staked / supplied, premium, weth.Symbol, now), cancellationToken).ConfigureAwait(false);
            recorded |= borrowed > 0m && await ledger.AppendTransferAsync(new LedgerTransfer(instanceId, $"{hash}/borrow", weth.Symbol, borrowed, 0m, ChainReader.AaveBorrowed, ChainReader.Wallet, now), cancellationToken).ConfigureAwait(false);
            recorded |= await ledger.AppendTransferAsync(new LedgerTransfer(instanceId, $"{hash}/supply", lst.Symbol, supplied, 0m, ChainReader.Wallet, ChainReader.AaveSupplied, now), cancellationToken).ConfigureAwait(false);
            return recorded;
        }

        var withdrawn = Amount(events.Withdrawn(lst.Address, executor), lst);
        var repaid = Amount(events.Repaid(weth.Address, owner), weth);
        var swept = Amount(new Erc20Token(client, weth.Address).MovedIn(receipt, executor, owner), weth);
        if (withdrawn <= 0m)
        {
            throw new InvalidOperationException($"the chain step {Describe(step)} was mined ({hash}) but its receipt shows no {lst.Symbol} withdrawn");
        }

        // The sale gave what paid the repayment and the loan's premium, and what came back to the wallet.
        var sold = swept + repaid + premium;
        recorded = await ledger.AppendTransferAsync(new LedgerTransfer(instanceId, $"{hash}/withdraw", lst.Symbol, withdrawn, 0m, ChainReader.AaveSupplied, ChainReader.Wallet, now), cancellationToken).ConfigureAwait(false);
        recorded |= await ledger.AppendFillAsync(new LedgerFill(
            instanceId, ChainReader.Wallet, hash, step.StepId, lst.Symbol, MarketType.Spot, lst.Symbol, weth.Symbol, OrderSide.Sell, withdrawn, sold / withdrawn, premium, weth.Symbol, now), cancellationToken).ConfigureAwait(false);
        recorded |= repaid > 0m && await ledger.AppendTransferAsync(new LedgerTransfer(instanceId, $"{hash}/repay", weth.Symbol, repaid, 0m, ChainReader.Wallet, ChainReader.AaveBorrowed, now), cancellationToken).ConfigureAwait(false);
        return recorded;
    }

    private static decimal Amount(BigInteger units, ChainToken token) => RayMath.Scale(units, token.Decimals);
}
