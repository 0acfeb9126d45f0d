namespace Basis.Live.Reconciliation;

/// <summary>
/// One holding at one location: what the ledger expects (0 when it knows none), what the location holds (0 when it
/// holds none; null when it could not be read), and the verdict. <c>Item</c> is the asset of a balance, the venue's
/// symbol of a perp, or <see cref="Reconciler.WholeLocation"/> for an unreadable location the ledger expects nothing at.
/// </summary>
public sealed record ReconciliationLine(
    string Location,
    HoldingKind Kind,
    string Item,
    decimal Expected,
    decimal? Actual,
    ReconciliationStatus Status,
    ReadFailure? Failure = null)
{
    /// <summary>Actual − expected; null when unreadable.</summary>
    public decimal? Difference => Actual - Expected;

    /// <summary>The difference as a fraction of the expected amount; null when the ledger expects nothing or unreadable.</summary>
    public decimal? RelativeDifference => Difference is { } difference && Expected != 0 ? difference / Math.Abs(Expected) : null;
}
