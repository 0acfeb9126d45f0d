namespace Basis.Data.Import;

/// <summary>The outcome of <see cref="EtherFiRewardsConversion.Convert"/>.</summary>
/// <param name="Eigen">EIGEN payouts in payout order, one per timestamp.</param>
/// <param name="Ethfi">ETHFI payouts in payout order, one per timestamp.</param>
/// <param name="ConflictingTimestamps">Payout timestamps dropped because rows with different periods share them.</param>
/// <param name="ConflictingRows">Rows dropped with them.</param>
/// <param name="ConflictExamples">The first few conflicts.</param>
/// <param name="Notes">Facts about the file (merged rows, overlapping periods, ignored columns).</param>
internal sealed record EtherFiRewardsResult(
    IReadOnlyList<RewardPayout> Eigen,
    IReadOnlyList<RewardPayout> Ethfi,
    int ConflictingTimestamps,
    int ConflictingRows,
    IReadOnlyList<string> ConflictExamples,
    IReadOnlyList<string> Notes);
