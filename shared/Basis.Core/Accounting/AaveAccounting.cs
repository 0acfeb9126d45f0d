namespace Basis.Core.Accounting;

/// <summary>
/// AAVE v3 index accounting: balances are stored scaled by the reserve index at the time of the action, so
/// interest accrues by the index alone.
/// </summary>
public static class AaveAccounting
{
    /// <summary>Scaled balance minted when supplying (or borrowing) <paramref name="amount"/> at <paramref name="index"/>.</summary>
    public static double ScaledAmount(double amount, double index) => amount / index;

    /// <summary>Underlying balance of a scaled balance at <paramref name="index"/>.</summary>
    public static double Underlying(double scaled, double index) => scaled * index;

    /// <summary>
    /// Index between two snapshots by geometric interpolation: <c>I_a × (I_b / I_a)^fraction</c>. Interest
    /// compounds, so the index grows by a constant factor per hour between snapshots.
    /// </summary>
    public static double InterpolateIndex(double indexA, double indexB, double fraction) =>
        indexA * Math.Pow(indexB / indexA, fraction);

    /// <summary>
    /// Health factor <c>Σ(collateral × LT) / Σ debt</c>, all in one currency; +∞ without debt.
    /// </summary>
    public static double HealthFactor(double collateralTimesThreshold, double debt) =>
        debt <= 0 ? double.PositiveInfinity : collateralTimesThreshold / debt;

    /// <summary>Loan-to-value <c>debt / collateral</c>; 0 without collateral or debt.</summary>
    public static double LoanToValue(double collateral, double debt) =>
        collateral <= 0 || debt <= 0 ? 0 : debt / collateral;
}
