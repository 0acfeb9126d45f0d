namespace Basis.Live.Reconciliation;

/// <summary>The ledger against the venues and the chain, a line per location and holding, ordered by location.</summary>
public sealed record ReconciliationReport(IReadOnlyList<ReconciliationLine> Lines)
{
    /// <summary>True when every line matched or is in transit: nothing mismatched, undeclared, missing or unreadable.</summary>
    public bool IsClean => !Breaks.Any();

    /// <summary>The lines that did not match: what the circuit breaker and an operator look at.</summary>
    public IEnumerable<ReconciliationLine> Breaks => Lines.Where(line => line.Status is not (ReconciliationStatus.Matched or ReconciliationStatus.InTransit));
}
