namespace Basis.Configuration.Tree;

/// <summary>How a scalar was written. Only plain scalars are read as numbers or booleans: <c>"1.0"</c> is text.</summary>
public enum ConfigScalarStyle
{
    /// <summary>Unquoted, e.g. <c>1.0</c>, <c>true</c>, <c>abc</c>, <c>~</c>.</summary>
    Plain,

    /// <summary><c>'text'</c>.</summary>
    SingleQuoted,

    /// <summary><c>"text"</c>.</summary>
    DoubleQuoted,

    /// <summary>A <c>|</c> block.</summary>
    Literal,

    /// <summary>A <c>&gt;</c> block.</summary>
    Folded,
}
