namespace Basis.Data.Tests.Import;

/// <summary>A temporary source folder in the original's layout, plus a target folder, both deleted on dispose.</summary>
public sealed class SourceFolder : IDisposable
{
    private readonly string _base = Directory.CreateTempSubdirectory("basis-import-").FullName;

    public SourceFolder()
    {
        Root = Path.Combine(_base, "reference-data");
        Target = Path.Combine(_base, "canonical");
        Directory.CreateDirectory(Root);
    }

    /// <summary>The source root.</summary>
    public string Root { get; }

    /// <summary>A target root next to the source (not created).</summary>
    public string Target { get; }

    /// <summary>Writes a file at a path relative to the source root; lines are joined with LF.</summary>
    public SourceFolder Write(string relativePath, params string[] lines)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
        return this;
    }

    public void Dispose() => Directory.Delete(_base, recursive: true);
}
