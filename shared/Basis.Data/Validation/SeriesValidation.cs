namespace Basis.Data.Validation;

/// <summary>The coverage of one series and what is wrong with it.</summary>
/// <param name="Series">The series id.</param>
/// <param name="Kind">The kind's name (<c>spot</c>, <c>funding</c>, ...).</param>
/// <param name="Cadence">The kind's cadence: <c>hourly</c>, <c>daily</c> or <c>event</c>.</param>
/// <param name="Coverage">First and last row, rows, month files, missing months.</param>
/// <param name="Findings">Errors first, then warnings, then info; within a severity in the order the checks run.</param>
public sealed record SeriesValidation(
    string Series,
    string Kind,
    string Cadence,
    SeriesCoverage Coverage,
    IReadOnlyList<ValidationFinding> Findings)
{
    /// <summary>True when any finding is an error.</summary>
    public bool HasErrors => Findings.Any(f => f.Severity == ValidationSeverity.Error);
}
