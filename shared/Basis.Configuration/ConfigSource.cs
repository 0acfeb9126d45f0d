namespace Basis.Configuration;

/// <summary>
/// Where a configuration value came from, so an error can send the user to the line they wrote: a position in a
/// file (<c>configs/modes/eth_basis.yaml:12</c>) or a described origin (<c>--set hedge_allocation.okx=0</c>,
/// <c>environment variable BASIS_DATA_DIR</c>).
/// </summary>
/// <param name="Origin">The file path as it was given, or a description of a non-file origin.</param>
/// <param name="Line">1-based line in the file, or 0 when the origin has no lines (or the whole file is meant).</param>
/// <param name="Column">1-based column in the file, or 0 when unknown.</param>
public sealed record ConfigSource(string Origin, int Line, int Column)
{
    /// <summary>A position in a file; line and column are 1-based, 0 when not known.</summary>
    public static ConfigSource InFile(string path, int line = 0, int column = 0) => new(path, line, column);

    /// <summary>A source that is not a file position, e.g. <c>--set a.b=1</c> or <c>environment variable X</c>.</summary>
    public static ConfigSource FromOrigin(string origin) => new(origin, 0, 0);

    /// <summary><c>path:line</c> when there is a line, otherwise the origin alone.</summary>
    public override string ToString() => Line > 0 ? $"{Origin}:{Line}" : Origin;
}
