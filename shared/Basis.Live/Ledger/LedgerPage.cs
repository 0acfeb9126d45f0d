namespace Basis.Live.Ledger;

/// <summary>Rows in the order they were recorded, and the cursor of the next page (null on the last).</summary>
public sealed record LedgerPage<T>(IReadOnlyList<T> Items, long? NextCursor);
