namespace Basis.Data.Import;

/// <summary>What happened to one file under the source root (or to one expected file that was missing).</summary>
/// <param name="SourcePath">Path relative to the source root with '/' separators; for a missing file, the pattern that matched nothing.</param>
/// <param name="Action">What the importer did.</param>
/// <param name="TargetSeries">Canonical series written from the file (or that it would have fed), in id order.</param>
/// <param name="RowsRead">Data rows read, or null when the file was not parsed as a table.</param>
/// <param name="RowsWritten">Rows written to the canonical layout from this file.</param>
/// <param name="IdenticalDuplicatesRemoved">Extra copies of rows that repeat a timestamp with the same values (one copy kept).</param>
/// <param name="ConflictingDuplicatesRemoved">Rows dropped because their timestamp appears with different values.</param>
/// <param name="ConflictingTimestamps">Timestamps dropped because they appear with different values.</param>
/// <param name="ConflictExamples">A few of those conflicts, with lines and values.</param>
/// <param name="RowsOutOfOrder">Rows whose timestamp is earlier than the row before (the rows were sorted).</param>
/// <param name="DroppedRows">Other rows dropped, grouped by reason.</param>
/// <param name="Gaps">Gaps in what was written; null when nothing was written or the series has no cadence.</param>
/// <param name="Reason">One or two sentences saying what happened and why.</param>
/// <param name="Notes">Facts worth knowing about the file that did not change what was written.</param>
/// <param name="Warnings">Things that look wrong and that a person should check.</param>
public sealed record ImportEntry(
    string SourcePath,
    ImportAction Action,
    IReadOnlyList<string> TargetSeries,
    int? RowsRead,
    int RowsWritten,
    int IdenticalDuplicatesRemoved,
    int ConflictingDuplicatesRemoved,
    int ConflictingTimestamps,
    IReadOnlyList<string> ConflictExamples,
    int RowsOutOfOrder,
    IReadOnlyList<DroppedRows> DroppedRows,
    GapSummary? Gaps,
    string Reason,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Warnings);
