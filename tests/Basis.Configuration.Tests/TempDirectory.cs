namespace Basis.Configuration.Tests;

/// <summary>A scratch folder per test class, deleted afterwards; files are written with LF line endings.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("basis-config-").FullName;

    public string Write(string relativePath, string content)
    {
        var path = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
