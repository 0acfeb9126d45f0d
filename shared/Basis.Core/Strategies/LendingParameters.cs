using Basis.Core.Instruments;

namespace Basis.Core.Strategies;

/// <summary>Pure lending: supply the whole share class to AAVE.</summary>
/// <param name="Asset">The asset lent (USDT or ETH as WETH).</param>
/// <param name="PositionDeviationThreshold">Supply idle funds once they exceed this fraction of equity.</param>
public sealed record LendingParameters(Asset Asset, double PositionDeviationThreshold) : StrategyParameters
{
    internal static LendingParameters Bind(IParameterReader reader, ParameterContext context) =>
        new(reader.OneOf("asset", Asset.Usdt, Asset.Eth), reader.Required<double>("position_deviation_threshold", 0, 1));
}
