namespace Basis.Data.Import;

/// <summary>One reward payout in canonical form (times in Unix seconds), with where it came from.</summary>
/// <param name="Payout">When the tokens arrive: the row's timestamp.</param>
/// <param name="PeriodStart">First instant of the earning period.</param>
/// <param name="PeriodEnd">End of the earning period, exclusive.</param>
/// <param name="TokensPerEeth">Tokens paid per eETH held over the whole period.</param>
/// <param name="Estimated">True when the amount is an estimate, not a published figure.</param>
/// <param name="Line">Source line.</param>
/// <param name="RewardType">The source's reward_type.</param>
internal sealed record RewardPayout(long Payout, long PeriodStart, long PeriodEnd, double TokensPerEeth, bool Estimated, int Line, string RewardType);
