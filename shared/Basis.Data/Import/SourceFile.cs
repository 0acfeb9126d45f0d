namespace Basis.Data.Import;

/// <summary>A file under the source root: its path relative to the root ('/' separators) and on disk.</summary>
internal sealed record SourceFile(string RelativePath, string FullPath);
