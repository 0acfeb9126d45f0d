using Basis.Core.Instruments;

namespace Basis.Core.Strategies;

/// <summary>Staking only: hold the whole ETH share class as an LST.</summary>
/// <param name="Lst">weETH (EtherFi) or wstETH (Lido).</param>
/// <param name="PositionDeviationThreshold">Stake idle ETH once it exceeds this fraction of equity.</param>
/// <param name="Rewards">EtherFi seasonal rewards (weETH only).</param>
public sealed record StakingParameters(LstToken Lst, double PositionDeviationThreshold, SeasonalRewardsParameters Rewards) : StrategyParameters
{
    internal static StakingParameters Bind(IParameterReader reader, ParameterContext context)
    {
        var lst = reader.RequiredEnum<LstToken>("lst_type");
        var threshold = reader.Required<double>("position_deviation_threshold", 0, 1);
        return new StakingParameters(lst, threshold, SeasonalRewardsParameters.Bind(reader, lst));
    }
}
