namespace Basis.Data.Import;

/// <summary>One canonical series the import wrote.</summary>
/// <param name="Series">The series id.</param>
/// <param name="SourcePath">The source file it came from (relative to the source root).</param>
/// <param name="Rows">Rows written.</param>
/// <param name="First">First timestamp written (UTC).</param>
/// <param name="Last">Last timestamp written (UTC).</param>
/// <param name="MonthFiles">Number of month files written.</param>
public sealed record SeriesCoverage(string Series, string SourcePath, int Rows, DateTime First, DateTime Last, int MonthFiles);
