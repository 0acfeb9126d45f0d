using Basis.Core.Instruments;
using Basis.Core.Market;

namespace Basis.Core.Strategies;

/// <summary>A reward program a strategy takes part in: distributions of <paramref name="Token"/> to weETH holders.</summary>
/// <param name="Token">The token paid.</param>
/// <param name="Series">The distribution series (e.g. rewards/etherfi/EIGEN).</param>
/// <param name="PriceSeries">The token's price in ETH (e.g. spot/uniswap/EIGENWETH).</param>
/// <param name="IncludeEstimated">Whether distributions marked as estimates count.</param>
public sealed record RewardProgram(Asset Token, SeriesId Series, SeriesId PriceSeries, bool IncludeEstimated);
