namespace Basis.Live.Reconciliation;

/// <summary>The ledger against the venues and the chain, a line per location and holding, ordered by location.</summary>
public sealed record ReconciliationReport(IReadOnlyList<ReconciliationLine> Lines)
{
    /// <summary>True when every line matched: nothing mismatched, undeclared, missing or unreadable.</summary>
    public bool IsClean => Lines.All(line => line.Status == ReconciliationStatus.Matched);

    /// <summary>The lines that did not match: what the circuit breaker and an operator look at.</summary>
    public IEnumerable<ReconciliationLine> Breaks => Lines.Where(line => line.Status != ReconciliationStatus.Matched);
}
