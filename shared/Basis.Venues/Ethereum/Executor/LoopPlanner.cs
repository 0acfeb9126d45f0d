using System.Numerics;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Ethereum.EtherFi;
using Basis.Venues.Ethereum.Uniswap;

namespace Basis.Venues.Ethereum.Executor;

/// <summary>The contracts of a weETH/WETH loop: AAVE, EtherFi (deposit → eETH → weETH), a weETH/WETH Uniswap v3 pool for the exit.</summary>
public sealed record LoopMarket(
    string Pool,
    string Weth,
    string WeEth,
    string ATokenWeEth,
    string VariableDebtWeth,
    string EtherFiLiquidityPool,
    string EEth,
    string SwapRouter,
    uint SwapFee);

/// <summary>
/// What a plan is computed from, all read from the chain: the owner's collateral and debt, the oracle prices, EtherFi's
/// share ledger (its deposit and wrap round down exactly as computed here) and the flash-loan premium.
/// </summary>
public sealed record LoopState(
    BigInteger CollateralWeEth,
    BigInteger DebtWeth,
    decimal WeEthPriceUsd,
    decimal WethPriceUsd,
    BigInteger EEthTotalShares,
    BigInteger EtherFiPooledEther,
    int FlashPremiumBps)
{
    /// <summary>Debt value ÷ collateral value at the oracle prices, as AAVE values them.</summary>
    public decimal Ltv => CollateralWeEth.IsZero ? 0m : (decimal)DebtWeth * WethPriceUsd / ((decimal)CollateralWeEth * WeEthPriceUsd);

    /// <summary>Reads the state of <paramref name="owner"/>'s loop.</summary>
    public static async Task<LoopState> ReadAsync(EthereumClient client, LoopMarket market, string owner)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(market);
        var pool = new AavePool(client, market.Pool);
        return new LoopState(
            await new Erc20Token(client, market.ATokenWeEth).BalanceOfAsync(owner).ConfigureAwait(false),
            await new Erc20Token(client, market.VariableDebtWeth).BalanceOfAsync(owner).ConfigureAwait(false),
            await pool.GetAssetPriceAsync(market.WeEth).ConfigureAwait(false),
            await pool.GetAssetPriceAsync(market.Weth).ConfigureAwait(false),
            await client.QueryAsync<TotalSharesFunction, BigInteger>(market.EEth, new TotalSharesFunction()).ConfigureAwait(false),
            await client.QueryAsync<GetTotalPooledEtherFunction, BigInteger>(market.EtherFiLiquidityPool, new GetTotalPooledEtherFunction()).ConfigureAwait(false),
            (int)await client.QueryAsync<FlashLoanPremiumTotalFunction, BigInteger>(market.Pool, new FlashLoanPremiumTotalFunction()).ConfigureAwait(false));
    }

    /// <summary>AAVE's premium on a flash loan of <paramref name="amount"/>: percentMul, rounded half up.</summary>
    public BigInteger Premium(BigInteger amount) => ((amount * FlashPremiumBps) + 5_000) / 10_000;
}

/// <summary>A transaction for <see cref="LeverageExecutor"/> and what it should do to the owner's position.</summary>
public sealed record LoopPlan(
    string FlashAsset,
    BigInteger FlashAmount,
    BigInteger FlashPremium,
    IReadOnlyList<ExecutorStep> Steps,
    IReadOnlyList<string> Sweep,
    BigInteger CollateralChange,
    BigInteger DebtChange);

/// <summary>
/// Turns explicit inputs (amounts, target LTV, the <see cref="LoopState"/> read from the chain) into executor steps.
/// No strategy here: when and how far to lever is the caller's decision.
/// </summary>
public static class LoopPlanner
{
    private const int VariableRate = 2;

    /// <summary>
    /// Levers up to <paramref name="targetLtv"/>: pull <paramref name="equityWeth"/> from the owner's wallet (0 to
    /// re-lever an open loop), flash-borrow F WETH, unwrap, deposit to EtherFi, wrap to weETH, supply it for the owner,
    /// borrow F + premium WETH on the owner's account; the pool takes F + premium back. F solves
    /// (D + F(1+π))·p_WETH = λ·(C + (E+F)·r)·p_weETH with r = weETH per ETH.
    /// </summary>
    public static LoopPlan Lever(LoopMarket market, LoopState state, string owner, string executor, BigInteger equityWeth, decimal targetLtv)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(state);
        var r = state.EEthTotalShares.IsZero ? 1m : (decimal)state.EEthTotalShares / (decimal)state.EtherFiPooledEther;
        var pi = state.FlashPremiumBps / 10_000m;
        var (pE, pW) = (state.WeEthPriceUsd, state.WethPriceUsd);
        var numerator = (targetLtv * ((decimal)state.CollateralWeEth + ((decimal)equityWeth * r)) * pE) - ((decimal)state.DebtWeth * pW);
        var denominator = ((1 + pi) * pW) - (targetLtv * r * pE);
        if (numerator <= 0 || denominator <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(targetLtv), targetLtv, $"the loop's LTV is {state.Ltv:F6}: levering to {targetLtv} needs no flash loan or cannot converge");
        }

        return LeverByFlash(market, state, owner, executor, equityWeth, new BigInteger(decimal.Floor(numerator / denominator)));
    }

    /// <summary>
    /// Levers by a flash loan the caller sized: pull <paramref name="equityWeth"/> from the owner's wallet, flash-borrow
    /// <paramref name="flash"/> WETH, stake and supply both as <see cref="Lever"/> does, and borrow the loan plus
    /// premium on the owner's account. A live book that sized the loan itself (its own prices and fee) gets exactly its
    /// amounts on chain.
    /// </summary>
    public static LoopPlan LeverByFlash(LoopMarket market, LoopState state, string owner, string executor, BigInteger equityWeth, BigInteger flash)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(state);
        var premium = state.Premium(flash);
        var deposit = equityWeth + flash;

        // EtherFi's integer ledger: deposit mints shares, the eETH balance is those shares' value, wrap mints weETH.
        var (shares0, pooled0) = (state.EEthTotalShares, state.EtherFiPooledEther);
        var shares = shares0.IsZero ? deposit : deposit * shares0 / pooled0;
        var (shares1, pooled1) = (shares0 + shares, pooled0 + deposit);
        var eEth = shares * pooled1 / shares1;
        var weEth = eEth * shares1 / pooled1;
        var borrow = flash + premium;

        var steps = new List<ExecutorStep>();
        if (!equityWeth.IsZero)
        {
            steps.Add(ExecutorStep.Call(market.Weth, new TransferFromFunction { From = owner, To = executor, Amount = equityWeth }, "pull the owner's WETH"));
        }

        steps.AddRange(
        [
            ExecutorStep.Call(market.Weth, new WethWithdrawFunction { Wad = deposit }, "unwrap WETH to ETH"),
            ExecutorStep.Call(market.EtherFiLiquidityPool, new DepositFunction(), "deposit ETH to EtherFi for eETH", deposit),
            ExecutorStep.Call(market.EEth, new ApproveFunction { Spender = market.WeEth, Amount = eEth }, "approve eETH to weETH"),
            ExecutorStep.Call(market.WeEth, new WrapEEthFunction { EEthAmount = eEth }, "wrap eETH to weETH"),
            ExecutorStep.Call(market.WeEth, new ApproveFunction { Spender = market.Pool, Amount = weEth }, "approve weETH to the pool"),
            ExecutorStep.Call(market.Pool, new Aave.SupplyFunction { Asset = market.WeEth, Amount = weEth, OnBehalfOf = owner }, "supply weETH for the owner"),
        ]);
        if (!borrow.IsZero)
        {
            // Without a loan (equity alone) there is nothing to borrow, and AAVE refuses a borrow of 0.
            steps.Add(ExecutorStep.Call(market.Pool, new Aave.BorrowFunction { Asset = market.Weth, Amount = borrow, InterestRateMode = VariableRate, OnBehalfOf = owner }, "borrow WETH on the owner's account"));
        }

        return new LoopPlan(market.Weth, flash, premium, steps, [market.Weth, market.WeEth, market.EEth], weEth, borrow);
    }

    /// <summary>
    /// WETH debt to repay so the LTV falls to <paramref name="targetLtv"/> when the repayment plus premium is bought
    /// by selling weETH at <paramref name="weEthPerWeth"/> (weETH in per WETH out, from a quote, fees included):
    /// (D − R)·p_WETH = λ·(C − R(1+π)q)·p_weETH.
    /// </summary>
    public static BigInteger DebtToRepay(LoopState state, decimal targetLtv, decimal weEthPerWeth)
    {
        ArgumentNullException.ThrowIfNull(state);
        var pi = state.FlashPremiumBps / 10_000m;
        var (pE, pW) = (state.WeEthPriceUsd, state.WethPriceUsd);
        var repay = (((decimal)state.DebtWeth * pW) - (targetLtv * (decimal)state.CollateralWeEth * pE)) / (pW - (targetLtv * (1 + pi) * weEthPerWeth * pE));
        return repay <= 0 ? BigInteger.Zero : BigInteger.Min(new BigInteger(decimal.Floor(repay)), state.DebtWeth);
    }

    /// <summary>
    /// Deleverages: flash-borrow <paramref name="repayWeth"/>, repay that much of the owner's debt, pull
    /// <paramref name="sellWeEth"/> of the owner's aweETH, withdraw it and sell it on Uniswap for at least the loan plus
    /// premium, or <paramref name="minWethOut"/> when more (the caller's slippage bound on what the sale frees;
    /// <paramref name="deadline"/>: the chain's unix time bound). Surplus WETH goes back to the owner's wallet.
    /// </summary>
    public static LoopPlan Deleverage(LoopMarket market, LoopState state, string owner, string executor, BigInteger repayWeth, BigInteger sellWeEth, long deadline, BigInteger? minWethOut = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(state);
        var premium = state.Premium(repayWeth);
        return Exit(market, owner, executor, repayWeth, premium, sellWeEth, BigInteger.Max(minWethOut ?? BigInteger.Zero, repayWeth + premium), deadline, "sell weETH for the loan plus premium");
    }

    /// <summary>
    /// Unwinds: flash-borrow the debt plus <paramref name="debtBufferWeth"/> (interest accrues until the block; AAVE
    /// repays at most the debt and the rest is swept back), pull all the owner's aweETH, withdraw it, sell it for at
    /// least <paramref name="minWethOut"/> (the caller's slippage bound, at least the loan plus premium).
    /// </summary>
    public static LoopPlan Unwind(LoopMarket market, LoopState state, string owner, string executor, BigInteger debtBufferWeth, BigInteger minWethOut, long deadline)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(state);
        var flash = state.DebtWeth + debtBufferWeth;
        var premium = state.Premium(flash);
        return Exit(market, owner, executor, flash, premium, state.CollateralWeEth, BigInteger.Max(minWethOut, flash + premium), deadline, "sell all weETH");
    }

    private static LoopPlan Exit(LoopMarket market, string owner, string executor, BigInteger flash, BigInteger premium, BigInteger sellWeEth, BigInteger minWethOut, long deadline, string sale)
    {
        var steps = new List<ExecutorStep>
        {
            ExecutorStep.Call(market.Weth, new ApproveFunction { Spender = market.Pool, Amount = flash }, "approve WETH to the pool"),
            ExecutorStep.Call(market.Pool, new Aave.RepayFunction { Asset = market.Weth, Amount = flash, InterestRateMode = VariableRate, OnBehalfOf = owner }, "repay the owner's WETH debt"),
            ExecutorStep.Call(market.ATokenWeEth, new TransferFromFunction { From = owner, To = executor, Amount = sellWeEth }, "pull the owner's aweETH"),
            ExecutorStep.Call(market.Pool, new Aave.WithdrawFunction { Asset = market.WeEth, Amount = sellWeEth, To = executor }, "withdraw weETH"),
            ExecutorStep.Call(market.WeEth, new ApproveFunction { Spender = market.SwapRouter, Amount = sellWeEth }, "approve weETH to the router"),
            ExecutorStep.Call(
                market.SwapRouter,
                new ExactInputSingleFunction
                {
                    Params = new ExactInputSingleParams
                    {
                        TokenIn = market.WeEth,
                        TokenOut = market.Weth,
                        Fee = market.SwapFee,
                        Recipient = executor,
                        Deadline = deadline,
                        AmountIn = sellWeEth,
                        AmountOutMinimum = minWethOut,
                    },
                },
                sale),
        };
        return new LoopPlan(market.Weth, flash, premium, steps, [market.Weth, market.WeEth], -sellWeEth, -flash);
    }
}

/// <summary>QuoterV2 reads for the exit swaps (weETH → WETH on the loop's pool), made with <c>eth_call</c>.</summary>
public static class LoopQuotes
{
    /// <summary>weETH to sell for exactly <paramref name="wethOut"/>, as the QuoterV2 at <paramref name="quoter"/> quotes it.</summary>
    public static async Task<BigInteger> WeEthInForAsync(EthereumClient client, LoopMarket market, string quoter, BigInteger wethOut)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(market);
        var quote = await client.QueryOutputAsync<QuoteExactOutputSingleFunction, QuoteExactOutputSingleOutput>(
            quoter,
            new QuoteExactOutputSingleFunction { Params = new QuoteExactOutputSingleParams { TokenIn = market.WeEth, TokenOut = market.Weth, Amount = wethOut, Fee = market.SwapFee } }).ConfigureAwait(false);
        return quote.AmountIn;
    }

    /// <summary>WETH bought by selling <paramref name="weEthIn"/>, as the QuoterV2 at <paramref name="quoter"/> quotes it.</summary>
    public static async Task<BigInteger> WethOutForAsync(EthereumClient client, LoopMarket market, string quoter, BigInteger weEthIn)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(market);
        var quote = await client.QueryOutputAsync<QuoteExactInputSingleFunction, QuoteExactInputSingleOutput>(
            quoter,
            new QuoteExactInputSingleFunction { Params = new QuoteExactInputSingleParams { TokenIn = market.WeEth, TokenOut = market.Weth, AmountIn = weEthIn, Fee = market.SwapFee } }).ConfigureAwait(false);
        return quote.AmountOut;
    }
}
