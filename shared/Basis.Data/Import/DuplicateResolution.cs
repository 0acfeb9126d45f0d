namespace Basis.Data.Import;

/// <summary>The outcome of <see cref="DuplicateTimestamps.Resolve"/>.</summary>
/// <param name="Rows">Rows with strictly increasing timestamps.</param>
/// <param name="IdenticalRemoved">Extra copies removed where every copy had the same values.</param>
/// <param name="ConflictingRowsRemoved">Rows removed because copies disagreed.</param>
/// <param name="ConflictingTimestamps">Timestamps removed because copies disagreed.</param>
/// <param name="ConflictExamples">The first few conflicts.</param>
internal sealed record DuplicateResolution(
    List<TimedRow> Rows,
    int IdenticalRemoved,
    int ConflictingRowsRemoved,
    int ConflictingTimestamps,
    IReadOnlyList<string> ConflictExamples);
