namespace Basis.Live.Reconciliation;

/// <summary>How one holding at one location compares with the ledger.</summary>
public enum ReconciliationStatus
{
    /// <summary>Within tolerance (or both sides no more than dust).</summary>
    Matched,

    /// <summary>Held on both sides, further apart than the tolerance.</summary>
    Mismatched,

    /// <summary>Held at the venue beyond dust, unknown to the ledger: somebody moved funds the ledger did not record.</summary>
    Undeclared,

    /// <summary>Expected by the ledger beyond dust, absent at the venue.</summary>
    Missing,

    /// <summary>The location could not be read, so nothing there is known to match.</summary>
    Unreadable,

    /// <summary>
    /// On its way between two locations (<see cref="Transit"/>): nowhere to read it until it arrives, which the step that
    /// sent it follows.
    /// </summary>
    InTransit,
}
