namespace Basis.Data.Canonical;

/// <summary>A canonical file that breaks the layout's contract; the message names the file and line.</summary>
public sealed class CanonicalDataException : Exception
{
    public CanonicalDataException(string path, int line, string problem)
        : base(line > 0 ? $"{path}:{line}: {problem}" : $"{path}: {problem}")
    {
        Path = path;
        Line = line;
    }

    /// <summary>The offending file.</summary>
    public string Path { get; }

    /// <summary>1-based line number, or 0 when the problem is the whole file.</summary>
    public int Line { get; }
}
