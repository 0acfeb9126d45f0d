using System.Text.Json;

namespace Basis.Data.Validation;

/// <summary>
/// Everything <see cref="DataValidator"/> found under one root. Serialises with System.Text.Json in snake_case
/// (<see cref="ToJson"/>); <see cref="ToText"/> is the rendering for a terminal.
/// </summary>
/// <param name="Root">The folder validated, as given.</param>
/// <param name="FromUtc">The window's start, when one was given.</param>
/// <param name="ToUtc">The window's exclusive end, when one was given.</param>
/// <param name="Series">One entry per series, ordered by id.</param>
/// <param name="Findings">Findings about the root rather than one series (no series found, stray files).</param>
public sealed record ValidationReport(
    string Root,
    DateTime? FromUtc,
    DateTime? ToUtc,
    IReadOnlyList<SeriesValidation> Series,
    IReadOnlyList<ValidationFinding> Findings)
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
    };

    /// <summary>True when any finding, of the root or of a series, is an error; the CLI exits 1 then.</summary>
    public bool HasErrors => ErrorCount > 0;

    /// <summary>Number of error findings.</summary>
    public int ErrorCount => CountOf(ValidationSeverity.Error);

    /// <summary>Number of warning findings.</summary>
    public int WarningCount => CountOf(ValidationSeverity.Warning);

    /// <summary>Number of info findings.</summary>
    public int InfoCount => CountOf(ValidationSeverity.Info);

    /// <summary>Month files found across all series.</summary>
    public int MonthFiles => Series.Sum(s => s.Coverage.MonthFiles);

    /// <summary>Readable rows across all series.</summary>
    public long Rows => Series.Sum(s => (long)s.Coverage.Rows);

    /// <summary>The report as indented snake_case JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a report written by <see cref="ToJson"/>.</summary>
    public static ValidationReport FromJson(string json) =>
        JsonSerializer.Deserialize<ValidationReport>(json, JsonOptions)
        ?? throw new JsonException("A validation report must be a JSON object, not null.");

    /// <summary>
    /// A plain-text rendering for a terminal: one block per series (coverage line, then findings, errors first) and a
    /// final totals line.
    /// </summary>
    public string ToText() => ValidationText.Render(this);

    private int CountOf(ValidationSeverity severity) =>
        Findings.Count(f => f.Severity == severity) + Series.Sum(s => s.Findings.Count(f => f.Severity == severity));
}
