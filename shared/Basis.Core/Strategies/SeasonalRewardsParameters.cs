namespace Basis.Core.Strategies;

/// <summary>EtherFi seasonal rewards (EIGEN, ETHFI) paid to weETH holders.</summary>
/// <param name="Enabled">Off by default: the payouts are partly estimates.</param>
/// <param name="IncludeEstimated">Whether to count distributions the data marks as estimated.</param>
/// <param name="DustThreshold">Sell reward tokens once their value exceeds this fraction of equity.</param>
public sealed record SeasonalRewardsParameters(bool Enabled, bool IncludeEstimated, double DustThreshold);
