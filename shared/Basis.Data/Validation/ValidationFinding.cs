namespace Basis.Data.Validation;

/// <summary>One problem found by <see cref="DataValidator"/>.</summary>
/// <param name="Severity">How bad it is.</param>
/// <param name="Check">Which check found it (one of <see cref="ValidationCheck"/>).</param>
/// <param name="Series">The series id; null for findings about the root folder.</param>
/// <param name="File">The file of the (first) occurrence, relative to the root with '/' separators; null when the finding is between rows or about a whole series.</param>
/// <param name="Line">1-based line of the (first) occurrence in <paramref name="File"/>, when known.</param>
/// <param name="Message">What is wrong, with the numbers a person needs to judge it.</param>
/// <param name="Count">How many rows, hours, intervals or files are affected; the message says which.</param>
/// <param name="Examples">The first few occurrences, in time order.</param>
public sealed record ValidationFinding(
    ValidationSeverity Severity,
    string Check,
    string? Series,
    string? File,
    int? Line,
    string Message,
    int Count,
    IReadOnlyList<ValidationExample> Examples);
