using Basis.Core.Market;
using Basis.Core.Time;
using Basis.Data.Canonical;

namespace Basis.Data.Import;

/// <summary>The state of one import run: where it reads and writes, and the series written so far (later rules use earlier ones).</summary>
internal sealed class ImportContext
{
    private readonly Dictionary<string, SeriesData> _written = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sourceOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImportEntryBuilder> _entries = new(StringComparer.Ordinal);
    private readonly List<SeriesCoverage> _coverage = [];

    public ImportContext(string sourceRoot, string targetRoot, IReadOnlyList<SourceFile> files, IProgress<string>? progress)
    {
        SourceRoot = sourceRoot;
        TargetRoot = targetRoot;
        Files = files;
        Progress = progress;
    }

    public string SourceRoot { get; }

    public string TargetRoot { get; }

    /// <summary>Every file under the source root, in path order.</summary>
    public IReadOnlyList<SourceFile> Files { get; }

    public IProgress<string>? Progress { get; }

    public IReadOnlyCollection<ImportEntryBuilder> Entries => _entries.Values;

    public IReadOnlyList<SeriesCoverage> Coverage => _coverage;

    public ImportEntryBuilder Begin(string sourcePath)
    {
        var entry = new ImportEntryBuilder(sourcePath);
        _entries.Add(sourcePath, entry);
        return entry;
    }

    /// <summary>The entry of a file processed earlier, or null.</summary>
    public ImportEntryBuilder? EntryOf(string sourcePath) => _entries.GetValueOrDefault(sourcePath);

    /// <summary>A series written earlier in this run, or null.</summary>
    public SeriesData? Written(SeriesId id) => _written.GetValueOrDefault(id.Value);

    /// <summary>The source file a series written in this run came from, or null.</summary>
    public string? SourceOf(SeriesId id) => _sourceOf.GetValueOrDefault(id.Value);

    /// <summary>
    /// Writes a series, first deleting month files a previous import left for it, so the target holds exactly what
    /// this import produced. Returns the number of month files written.
    /// </summary>
    public int Write(SeriesData series, string sourcePath)
    {
        if (_written.ContainsKey(series.Id.Value))
        {
            throw new InvalidOperationException($"Series {series.Id} is written twice in one import (second source: {sourcePath}).");
        }

        foreach (var month in CanonicalLayout.MonthsPresent(TargetRoot, series.Id))
        {
            File.Delete(CanonicalLayout.MonthFile(TargetRoot, series.Id, month.Year, month.Month));
        }

        var files = CanonicalSeriesWriter.Write(TargetRoot, series);
        _written.Add(series.Id.Value, series);
        _sourceOf.Add(series.Id.Value, sourcePath);
        _coverage.Add(new SeriesCoverage(series.Id.Value, sourcePath, series.Count,
            UnixTime.FromSeconds(series.Times[0]), UnixTime.FromSeconds(series.Times[^1]), files.Count));
        return files.Count;
    }
}
