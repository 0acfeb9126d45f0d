using Basis.Core.Instruments;

namespace Basis.Core.Strategies;

/// <summary>EtherFi seasonal rewards (EIGEN, ETHFI) paid to weETH holders.</summary>
/// <param name="Enabled">Off by default: the payouts are partly estimates.</param>
/// <param name="IncludeEstimated">Whether to count distributions the data marks as estimated.</param>
/// <param name="DustThreshold">Sell reward tokens once their value exceeds this fraction of equity.</param>
public sealed record SeasonalRewardsParameters(bool Enabled, bool IncludeEstimated, double DustThreshold)
{
    /// <summary>The optional <c>seasonal_rewards</c> mapping; rewards are paid to weETH holders only.</summary>
    internal static SeasonalRewardsParameters Bind(IParameterReader reader, LstToken lst)
    {
        var rewards = reader.OptionalChild("seasonal_rewards") is { } child
            ? new SeasonalRewardsParameters(
                child.OptionalWithDefault("enabled", false),
                child.OptionalWithDefault("include_estimated", false),
                child.OptionalWithDefault("dust_threshold", 0.002, 0, 1))
            : new SeasonalRewardsParameters(false, false, 0.002);
        if (rewards.Enabled && lst != LstToken.WeEth)
        {
            reader.AddError("seasonal_rewards.enabled", $"EtherFi seasonal rewards need lst_type: weETH (got {lst.Symbol()})");
        }

        return rewards;
    }
}
