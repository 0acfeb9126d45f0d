using Basis.Core.Results;

namespace Basis.Data.Results;

/// <summary>
/// Writes a run's results folder: the files <see cref="ResultArtefacts"/> renders (<c>summary.json</c>,
/// <c>timeseries.csv</c>, <c>events.jsonl</c>, <c>report.html</c>).
/// </summary>
public static class ResultWriter
{
    /// <summary>Writes every file into <paramref name="folder"/> (created if needed); returns the paths written.</summary>
    public static IReadOnlyList<string> Write(string folder, BacktestResult result)
    {
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        foreach (var artefact in ResultArtefacts.Render(result))
        {
            var path = Path.Combine(folder, artefact.Name);
            File.WriteAllBytes(path, artefact.Content);
            written.Add(path);
        }

        return written;
    }
}
