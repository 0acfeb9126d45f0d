using System.Text;

namespace Basis.Configuration.Tree;

/// <summary>A YAML sequence (list). Merging replaces sequences whole; items are never merged by position.</summary>
public sealed class ConfigSequence : ConfigNode
{
    /// <summary>Creates a sequence.</summary>
    public ConfigSequence(IEnumerable<ConfigNode> items, ConfigSource source)
        : base(source)
    {
        ArgumentNullException.ThrowIfNull(items);
        Items = items.ToList();
    }

    /// <summary>The items in order.</summary>
    public IReadOnlyList<ConfigNode> Items { get; }

    /// <summary>Number of items.</summary>
    public int Count => Items.Count;

    internal override void Render(StringBuilder text)
    {
        text.Append('[');
        for (var i = 0; i < Items.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            Items[i].Render(text);
        }

        text.Append(']');
    }

    internal override string Describe() => "a list";
}
