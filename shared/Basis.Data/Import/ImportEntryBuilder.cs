namespace Basis.Data.Import;

/// <summary>Accumulates what happens to one source file while it is processed, then freezes it into an <see cref="ImportEntry"/>.</summary>
internal sealed class ImportEntryBuilder
{
    public ImportEntryBuilder(string sourcePath) => SourcePath = sourcePath;

    public string SourcePath { get; }

    public ImportAction Action { get; set; } = ImportAction.Skipped;

    public SortedSet<string> TargetSeries { get; } = new(StringComparer.Ordinal);

    public int? RowsRead { get; set; }

    public int RowsWritten { get; set; }

    public int IdenticalDuplicatesRemoved { get; set; }

    public int ConflictingDuplicatesRemoved { get; set; }

    public int ConflictingTimestamps { get; set; }

    public List<string> ConflictExamples { get; } = [];

    public int RowsOutOfOrder { get; set; }

    public RowDropLog Dropped { get; } = new();

    public GapSummary? Gaps { get; set; }

    public string Reason { get; set; } = string.Empty;

    public List<string> Notes { get; } = [];

    public List<string> Warnings { get; } = [];

    /// <summary>True when anything was repaired: duplicates, order, dropped rows.</summary>
    public bool HasRepairs =>
        IdenticalDuplicatesRemoved > 0 || ConflictingDuplicatesRemoved > 0 || RowsOutOfOrder > 0 || Dropped.Total > 0;

    public ImportEntryBuilder Refuse(string reason)
    {
        Action = ImportAction.Refused;
        Reason = reason;
        RowsWritten = 0;
        Gaps = null;
        return this;
    }

    public ImportEntryBuilder Skip(string reason)
    {
        Action = ImportAction.Skipped;
        Reason = reason;
        return this;
    }

    public ImportEntry Build() => new(
        SourcePath,
        Action,
        TargetSeries.ToArray(),
        RowsRead,
        RowsWritten,
        IdenticalDuplicatesRemoved,
        ConflictingDuplicatesRemoved,
        ConflictingTimestamps,
        ConflictExamples.ToArray(),
        RowsOutOfOrder,
        Dropped.ToReport(),
        Gaps,
        Reason,
        Notes.ToArray(),
        Warnings.ToArray());
}
