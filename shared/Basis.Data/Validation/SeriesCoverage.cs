namespace Basis.Data.Validation;

/// <summary>What a series holds inside the validated window.</summary>
/// <param name="First">Timestamp of the first readable row (UTC); null without rows.</param>
/// <param name="Last">Timestamp of the last readable row (UTC); null without rows.</param>
/// <param name="Rows">Readable rows (after dropping timestamps repeated in another month file).</param>
/// <param name="MonthFiles">Month files present, readable or not.</param>
/// <param name="MissingMonths">Months (<c>yyyy-MM</c>) between the first and last month file that have no file.</param>
/// <param name="LongestIntervalHours">The longest time between two consecutive rows, in hours; null with fewer than two rows.</param>
public sealed record SeriesCoverage(
    DateTime? First,
    DateTime? Last,
    int Rows,
    int MonthFiles,
    IReadOnlyList<string> MissingMonths,
    double? LongestIntervalHours);
