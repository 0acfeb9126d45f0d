using System.Text.Json;
using Basis.Core.Market;
using CsvHelper;

namespace Basis.Data.Import;

/// <summary>
/// Imports the original (Python) system's <c>data/</c> folder into the canonical layout: an explicit mapping of
/// files to series, repairs where a repair is certain (identical duplicates, order, daily AAVE indices to hourly),
/// refusals where data is fake or contradictory, and a report that says what happened to every file.
/// </summary>
public static class ReferenceDataImporter
{
    /// <summary>
    /// Imports <paramref name="sourceRoot"/> into <paramref name="targetRoot"/> and writes
    /// <see cref="ImportReport.FileName"/> there. Series written replace any month files a previous import left
    /// for them; nothing else in the target is touched.
    /// </summary>
    /// <param name="sourceRoot">The original's data folder (or a copy with the same sub-paths).</param>
    /// <param name="targetRoot">The canonical root to write; created if missing. Must not overlap the source.</param>
    /// <param name="progress">Receives one line per file as it is processed.</param>
    /// <exception cref="ReferenceDataImportException">The source is missing, the folders overlap, or a series' pattern matches several files.</exception>
    public static ImportReport Import(string sourceRoot, string targetRoot, IProgress<string>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceRoot);
        ArgumentException.ThrowIfNullOrWhiteSpace(targetRoot);
        var source = Path.GetFullPath(sourceRoot);
        var target = Path.GetFullPath(targetRoot);
        if (!Directory.Exists(source))
        {
            throw new ReferenceDataImportException($"The source folder '{source}' does not exist.");
        }

        if (IsWithin(target, source) || IsWithin(source, target))
        {
            throw new ReferenceDataImportException($"The target folder '{target}' and the source folder '{source}' overlap; the import would read its own output.");
        }

        try
        {
            Directory.CreateDirectory(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReferenceDataImportException($"The target folder '{target}' cannot be created: {e.Message}", e);
        }

        var files = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories)
            .Select(path => new SourceFile(Path.GetRelativePath(source, path).Replace(Path.DirectorySeparatorChar, '/'), path))
            .OrderBy(f => f.RelativePath, StringComparer.Ordinal)
            .ToList();

        var assignment = Assign(files, ReferenceDataLayout.Rules);
        var context = new ImportContext(source, target, files, progress);
        foreach (var rule in ReferenceDataLayout.Rules)
        {
            var matched = assignment[rule];
            if (rule.ExactlyOne && matched.Count == 0)
            {
                var missing = context.Begin(rule.Pattern.Glob);
                missing.Action = ImportAction.Missing;
                AddTargets(missing, rule.Targets);
                missing.Reason = $"no file matches {rule.Pattern.Glob}; {string.Join(" and ", rule.Targets)} is not imported";
                continue;
            }

            foreach (var file in matched)
            {
                progress?.Report(file.RelativePath);
                var entry = context.Begin(file.RelativePath);
                AddTargets(entry, rule.Targets);
                Process(rule, context, file, entry);
            }
        }

        foreach (var file in files.Where(f => !assignment.Values.Any(list => list.Contains(f))))
        {
            progress?.Report(file.RelativePath);
            var entry = context.Begin(file.RelativePath);
            entry.Action = ImportAction.Unrecognised;
            entry.Reason = "unrecognised: no rule of the importer knows this file; not imported";
        }

        var entries = context.Entries.Select(e => e.Build()).OrderBy(e => e.SourcePath, StringComparer.Ordinal).ToArray();
        var series = context.Coverage.OrderBy(s => s.Series, StringComparer.Ordinal).ToArray();
        var report = new ImportReport(ImportReport.CurrentFormatVersion, files.Count, ImportActionCounts.Of(entries), series, entries);
        report.WriteJson(Path.Combine(target, ImportReport.FileName));
        return report;
    }

    /// <summary>Gives each file to the first rule that matches it; a series rule matching several files is an error.</summary>
    private static Dictionary<SourceRule, List<SourceFile>> Assign(IReadOnlyList<SourceFile> files, IReadOnlyList<SourceRule> rules)
    {
        var assignment = rules.ToDictionary(r => r, _ => new List<SourceFile>());
        foreach (var file in files)
        {
            if (rules.FirstOrDefault(r => r.Pattern.IsMatch(file.RelativePath)) is { } rule)
            {
                assignment[rule].Add(file);
            }
        }

        var ambiguous = rules.Where(r => r.ExactlyOne && assignment[r].Count > 1).ToArray();
        if (ambiguous.Length > 0)
        {
            throw new ReferenceDataImportException(string.Join(Environment.NewLine, ambiguous.Select(r =>
                $"{string.Join(" and ", r.Targets)} needs exactly one source file, but {r.Pattern.Glob} matches {assignment[r].Count}: " +
                $"{string.Join(", ", assignment[r].Select(f => f.FullPath))}. Remove or rename all but one (the importer never picks by date).")));
        }

        return assignment;
    }

    /// <summary>Runs a rule; a file that cannot be read or parsed is refused in its entry and the import goes on.</summary>
    private static void Process(SourceRule rule, ImportContext context, SourceFile file, ImportEntryBuilder entry)
    {
        try
        {
            rule.Handle(context, file, entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or FormatException or InvalidDataException or CsvFormatException)
        {
            entry.Refuse($"could not be read: {e.Message}");
        }
    }

    private static void AddTargets(ImportEntryBuilder entry, IReadOnlyList<SeriesId> targets)
    {
        foreach (var target in targets)
        {
            entry.TargetSeries.Add(target.Value);
        }
    }

    private static bool IsWithin(string path, string folder)
    {
        var relative = Path.GetRelativePath(folder, path);
        return relative == "." || (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative));
    }
}
