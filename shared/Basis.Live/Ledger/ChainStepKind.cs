namespace Basis.Live.Ledger;

/// <summary>What an on-chain step of a real instance does.</summary>
public enum ChainStepKind
{
    /// <summary>Supplies a token from the wallet to AAVE v3.</summary>
    AaveSupply,

    /// <summary>Withdraws a token from AAVE v3 into the wallet.</summary>
    AaveWithdraw,

    /// <summary>Wraps the wallet's ETH into WETH (WETH9 <c>deposit</c>), one for one.</summary>
    WrapEth,

    /// <summary>Unwraps the wallet's WETH back into ETH (WETH9 <c>withdraw</c>), one for one.</summary>
    UnwrapEth,

    /// <summary>
    /// Sends a token from the wallet to an exchange's deposit address, then, once the venue has credited it, moves it into
    /// the venue's trading account (where its perpetuals take margin).
    /// </summary>
    ExchangeDeposit,

    /// <summary>
    /// Moves a token out of an exchange's trading account into the one withdrawals leave from, asks the venue to send it to
    /// the wallet, then follows it until it is there. Sent by the withdrawal desk, after the instance's orders.
    /// </summary>
    ExchangeWithdrawal,

    /// <summary>Stakes the wallet's ETH with EtherFi (LiquidityPool <c>deposit</c>): eETH arrives about one for one.</summary>
    EtherFiDeposit,

    /// <summary>Wraps the wallet's eETH into weETH (the token AAVE lists) at EtherFi's rate.</summary>
    WrapEEth,

    /// <summary>Stakes the wallet's ETH with Lido (stETH <c>submit</c>): stETH arrives about one for one.</summary>
    LidoSubmit,

    /// <summary>Wraps the wallet's stETH into wstETH (the token AAVE lists) at Lido's rate.</summary>
    WrapStEth,

    /// <summary>Swaps exactly the step's amount of its token on Uniswap v3 for at least its limit of the counter token.</summary>
    SwapExactIn,

    /// <summary>Swaps at most the step's limit of the counter token on Uniswap v3 for exactly its amount of its token.</summary>
    SwapExactOut,

    /// <summary>
    /// Levers the loop through the instance's leverage executor, in one transaction: <c>Amount</c> WETH pulled from the
    /// wallet and <c>Flash</c> WETH flash-borrowed are staked with EtherFi, wrapped and supplied to AAVE as
    /// <c>Counter</c> (weETH), and the loan plus its premium borrowed on the account.
    /// </summary>
    LoopLever,

    /// <summary>
    /// Deleverages the loop in one transaction: <c>Flash</c> WETH flash-borrowed repays that much debt, <c>Amount</c> of
    /// the supplied LST is withdrawn and sold on Uniswap for at least <c>Limit</c> WETH, the loan and premium paid back
    /// from the sale and the rest left in the wallet.
    /// </summary>
    LoopDeleverage,

    /// <summary>
    /// Unwinds the loop in one transaction: the whole debt at its block repaid by flash loan, all the supplied LST
    /// withdrawn and sold for at least <c>Limit</c> WETH, what is left after the loan in the wallet.
    /// </summary>
    LoopUnwind,
}
