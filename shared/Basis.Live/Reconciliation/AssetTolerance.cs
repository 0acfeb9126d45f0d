namespace Basis.Live.Reconciliation;

/// <summary>
/// How far a venue may differ from the ledger in one asset before it is drift: <c>Relative</c>, a fraction of the
/// expected amount, or <c>Absolute</c>, the dust threshold in the asset's units, whichever is larger.
/// </summary>
public sealed record AssetTolerance(decimal Relative, decimal Absolute)
{
    /// <summary>True when <paramref name="actual"/> is within tolerance of <paramref name="expected"/>.</summary>
    public bool Allows(decimal expected, decimal actual) =>
        Math.Abs(actual - expected) <= Math.Max(Absolute, Relative * Math.Abs(expected));

    /// <summary>True when <paramref name="amount"/> is no more than dust.</summary>
    public bool IsDust(decimal amount) => Math.Abs(amount) <= Absolute;
}
