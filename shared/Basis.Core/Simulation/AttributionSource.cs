namespace Basis.Core.Simulation;

/// <summary>
/// The named sources an hour's change in equity is split into (DESIGN §4). Each is computed directly from the
/// quantities and prices involved; the residual against the equity change is reported, never plugged.
/// </summary>
public enum AttributionSource
{
    /// <summary>Growth of supplied balances through the AAVE liquidity index.</summary>
    LendingYield,

    /// <summary>Growth of debt through the AAVE borrow index (negative).</summary>
    BorrowCost,

    /// <summary>Growth of the LST/ETH exchange rate on LST units held, directly or as collateral.</summary>
    StakingYield,

    /// <summary>Reward tokens received, valued when paid.</summary>
    Rewards,

    /// <summary>Perpetual funding paid or received.</summary>
    Funding,

    /// <summary>Moves of held assets' prices against the share class, perp mark-to-market at the spot reference included.</summary>
    Price,

    /// <summary>Moves of the perp mark against the spot reference (the perp–spot spread).</summary>
    Basis,

    /// <summary>Exchange fees and withdrawal fees.</summary>
    TradingFees,

    /// <summary>Spread and market impact from the execution-cost table.</summary>
    Slippage,

    /// <summary>Gas paid for on-chain operations.</summary>
    Gas,

    /// <summary>Losses from liquidations (bonus seized, liquidation fees).</summary>
    Liquidation,
}
