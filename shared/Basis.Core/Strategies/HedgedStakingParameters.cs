using Basis.Core.Instruments;

namespace Basis.Core.Strategies;

/// <summary>Market-neutral staking in the USDT share class: stake (optionally levered) and short the net ETH in perps.</summary>
/// <param name="Lst">weETH or wstETH.</param>
/// <param name="StakeAllocation">Share of equity put on-chain as net ETH; the rest is perp margin.</param>
/// <param name="HedgeAllocation">Split of the short over venues.</param>
/// <param name="MaxDeltaDrift">Re-hedge when |net delta| exceeds this fraction of the on-chain net ETH.</param>
/// <param name="MarginTopUpThreshold">Rebalance when a venue's margin ratio falls below this.</param>
/// <param name="MarginExcessThreshold">Rebalance when a venue's margin ratio rises above this.</param>
/// <param name="PositionDeviationThreshold">Resize both legs when the on-chain leg or equity is this far off target.</param>
/// <param name="Leverage">The staking loop for the leveraged variant; null for the simple one.</param>
/// <param name="RiskManagement">When false nothing is resized after entry (for stress comparisons).</param>
public sealed record HedgedStakingParameters(
    LstToken Lst,
    double StakeAllocation,
    HedgeAllocation HedgeAllocation,
    double MaxDeltaDrift,
    double MarginTopUpThreshold,
    double MarginExcessThreshold,
    double PositionDeviationThreshold,
    LeverageParameters? Leverage,
    bool RiskManagement) : StrategyParameters;
