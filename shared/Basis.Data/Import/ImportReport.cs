using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Basis.Data.Import;

/// <summary>
/// The result of importing the original system's data folder: one entry per source file (and per expected file that
/// was missing), and the series written. Deterministic: entries sorted by path, series by id, no wall-clock times,
/// no absolute paths, so two imports of the same folder give byte-identical reports.
/// </summary>
/// <param name="FormatVersion">Version of this report's shape.</param>
/// <param name="SourceFiles">Number of files found under the source root.</param>
/// <param name="Actions">Entries per action.</param>
/// <param name="Series">Series written, in id order.</param>
/// <param name="Entries">One entry per source file or missing expected file, in path order.</param>
public sealed record ImportReport(
    int FormatVersion,
    int SourceFiles,
    ImportActionCounts Actions,
    IReadOnlyList<SeriesCoverage> Series,
    IReadOnlyList<ImportEntry> Entries)
{
    /// <summary>The report's file name in the target root.</summary>
    public const string FileName = "import-report.json";

    /// <summary>The current <see cref="FormatVersion"/>.</summary>
    public const int CurrentFormatVersion = 1;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>The entry of a source file by its relative path, or null.</summary>
    public ImportEntry? EntryFor(string sourcePath) => Entries.FirstOrDefault(e => e.SourcePath == sourcePath);

    /// <summary>The report as indented snake_case JSON with LF line ends.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions) + "\n";

    /// <summary>Writes <see cref="ToJson"/> to <paramref name="path"/> as UTF-8 without a byte order mark.</summary>
    public void WriteJson(string path) => File.WriteAllText(path, ToJson(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

    /// <summary>Reads a report written by <see cref="WriteJson"/>.</summary>
    public static ImportReport ReadJson(string path) =>
        JsonSerializer.Deserialize<ImportReport>(File.ReadAllText(path), JsonOptions)
        ?? throw new InvalidDataException($"{path} holds no import report.");
}
