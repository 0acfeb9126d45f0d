namespace Basis.Data.Import;

/// <summary>
/// Where a canonical series' values sit in a source CSV.
/// </summary>
/// <param name="TimeColumn">The source column holding the timestamp.</param>
/// <param name="SourceColumns">The source column of each canonical column, in the kind's column order.</param>
/// <param name="PrimaryColumn">The canonical column that carries the data (the close, the price), checked for placeholders.</param>
/// <param name="YieldColumns">Source columns holding annual yields as fractions, checked for garbage; empty for non-yield series.</param>
/// <param name="Transform">How rows become canonical rows.</param>
internal sealed record SeriesSourceFormat(
    string TimeColumn,
    IReadOnlyList<string> SourceColumns,
    int PrimaryColumn,
    IReadOnlyList<string> YieldColumns,
    SeriesTransform Transform = SeriesTransform.None);
