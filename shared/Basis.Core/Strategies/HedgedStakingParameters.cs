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
    bool RiskManagement) : StrategyParameters
{
    /// <summary>The hedged family's keys; <paramref name="leveraged"/> adds the loop's (<see cref="LeverageParameters.Bind"/>).</summary>
    internal static HedgedStakingParameters Bind(IParameterReader reader, ParameterContext context, bool leveraged)
    {
        var lst = reader.RequiredEnum<LstToken>("lst_type");
        var stake = reader.Required<double>("stake_allocation_percentage", 0.05, 0.95);
        var allocation = HedgeAllocation.Bind(reader);
        var topUp = reader.Required<double>("margin_topup_threshold", 0, 10);
        var excess = reader.Required<double>("margin_excess_threshold", 0, 100);
        var entryRatio = (1 - stake) / stake;
        if (!reader.HasErrors && !(topUp < entryRatio && entryRatio < excess))
        {
            reader.AddError("margin_topup_threshold", $"the margin ratio at entry, (1 − stake_allocation_percentage) / stake_allocation_percentage = {entryRatio:0.####}, must lie between margin_topup_threshold ({topUp}) and margin_excess_threshold ({excess})");
        }

        allocation.RequireTopUpAboveMaintenance(reader, topUp, context.Venues);
        return new HedgedStakingParameters(
            lst,
            stake,
            allocation,
            reader.Required<double>("max_delta_drift", 0, 1),
            topUp,
            excess,
            reader.Required<double>("position_deviation_threshold", 0, 1),
            leveraged ? LeverageParameters.Bind(reader, lst, context.Venues) : null,
            reader.OptionalWithDefault("risk_management", true));
    }
}
