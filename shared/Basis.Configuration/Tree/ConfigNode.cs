using System.Text;

namespace Basis.Configuration.Tree;

/// <summary>
/// One node of a configuration tree: a <see cref="ConfigMapping"/>, a <see cref="ConfigSequence"/> or a
/// <see cref="ConfigScalar"/>. Trees are immutable and every node remembers its <see cref="Source"/>, so after
/// files and overrides are merged an error in any value still names the file and line (or <c>--set</c>) it came
/// from. See <c>README.md</c> in this project for the whole load → merge → read flow.
/// </summary>
public abstract class ConfigNode
{
    // Only this assembly's three node kinds exist; consumers switch over them exhaustively.
    private protected ConfigNode(ConfigSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        Source = source;
    }

    /// <summary>Where this node was written.</summary>
    public ConfigSource Source { get; }

    /// <summary>
    /// A compact flow rendering for tests and debugging (<c>{a: 1, b: [x, 'y']}</c>); sensitive scalars print as
    /// <c>(hidden)</c>. Not a serializer.
    /// </summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        Render(text);
        return text.ToString();
    }

    internal abstract void Render(StringBuilder text);

    /// <summary>How the node reads in an error message: "a mapping", "a list", "null", "'abc'".</summary>
    internal abstract string Describe();
}
