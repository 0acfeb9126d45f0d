using Basis.Core.Instruments;

namespace Basis.Core.Strategies;

/// <summary>Leveraged staking in the ETH share class (<c>eth_leveraged</c>).</summary>
/// <param name="Leverage">The loop.</param>
/// <param name="PositionDeviationThreshold">Deploy idle ETH once it exceeds this fraction of equity.</param>
/// <param name="RiskManagement">When false the loop is never resized after entry (for stress comparisons).</param>
/// <param name="Rewards">EtherFi seasonal rewards (weETH only).</param>
public sealed record LeveragedStakingParameters(LeverageParameters Leverage, double PositionDeviationThreshold, bool RiskManagement, SeasonalRewardsParameters Rewards) : StrategyParameters
{
    internal static LeveragedStakingParameters Bind(IParameterReader reader, ParameterContext context)
    {
        var lst = reader.RequiredEnum<LstToken>("lst_type");
        return new LeveragedStakingParameters(
            LeverageParameters.Bind(reader, lst, context.Venues),
            reader.Required<double>("position_deviation_threshold", 0, 1),
            reader.OptionalWithDefault("risk_management", true),
            SeasonalRewardsParameters.Bind(reader, lst));
    }
}
