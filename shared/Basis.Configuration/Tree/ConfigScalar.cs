using System.Text;

namespace Basis.Configuration.Tree;

/// <summary>
/// A leaf value, kept as the text the user wrote together with its style and tag, so that readers can tell
/// <c>1.0</c> (a number) from <c>"1.0"</c> (text) and <c>~</c> (null) from <c>"~"</c>. Conversion to numbers,
/// booleans and enums happens in <see cref="Reading.ConfigReader"/>, where a failure becomes an error with a source.
/// </summary>
public sealed class ConfigScalar : ConfigNode
{
    /// <summary>Creates a scalar; <paramref name="tag"/> is a full tag (<c>tag:yaml.org,2002:str</c>) or null when untagged.</summary>
    /// <param name="text">The scalar's text, after YAML unquoting and folding.</param>
    /// <param name="source">Where it was written.</param>
    /// <param name="style">How it was written.</param>
    /// <param name="tag">An explicit tag, or null.</param>
    /// <param name="isSensitive">True for values that may be secrets (anything from the environment): they are never printed.</param>
    public ConfigScalar(
        string text,
        ConfigSource source,
        ConfigScalarStyle style = ConfigScalarStyle.Plain,
        string? tag = null,
        bool isSensitive = false)
        : base(source)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text;
        Style = style;
        Tag = tag;
        IsSensitive = isSensitive;
    }

    /// <summary>The text after YAML unquoting; empty for an empty plain value.</summary>
    public string Text { get; }

    /// <summary>How the scalar was written.</summary>
    public ConfigScalarStyle Style { get; }

    /// <summary>An explicit tag such as <c>tag:yaml.org,2002:str</c> (<c>!!str</c>), or null when untagged.</summary>
    public string? Tag { get; }

    /// <summary>True when the value must not appear in messages or logs.</summary>
    public bool IsSensitive { get; }

    /// <summary>
    /// True for YAML's null: an untagged plain <c>~</c>, <c>null</c>, <c>Null</c>, <c>NULL</c> or empty value, or
    /// anything tagged <c>!!null</c>. Quoted <c>"null"</c> is text.
    /// </summary>
    public bool IsNull =>
        Tag == CoreTags.Null
        || (Tag is null && Style == ConfigScalarStyle.Plain && Text is "" or "~" or "null" or "Null" or "NULL");

    /// <summary>
    /// True when YAML's core schema resolves the type from the text (untagged and plain), i.e. when <c>1.5</c>
    /// may be read as a number and <c>true</c> as a boolean.
    /// </summary>
    public bool IsImplicitlyTyped => Tag is null && Style == ConfigScalarStyle.Plain;

    /// <summary>A null scalar, e.g. for defaults built in code.</summary>
    public static ConfigScalar Null(ConfigSource source) => new(string.Empty, source);

    internal override void Render(StringBuilder text)
    {
        if (Tag is not null)
        {
            text.Append(CoreTags.Short(Tag)).Append(' ');
        }

        if (IsSensitive)
        {
            text.Append("(hidden)");
            return;
        }

        switch (Style)
        {
            case ConfigScalarStyle.Plain:
                text.Append(Text.Length == 0 ? "~" : Text);
                break;
            case ConfigScalarStyle.SingleQuoted:
                text.Append('\'').Append(Text.Replace("'", "''", StringComparison.Ordinal)).Append('\'');
                break;
            default:
                text.Append('"')
                    .Append(Text
                        .Replace("\\", "\\\\", StringComparison.Ordinal)
                        .Replace("\"", "\\\"", StringComparison.Ordinal)
                        .Replace("\n", "\\n", StringComparison.Ordinal))
                    .Append('"');
                break;
        }
    }

    internal override string Describe()
    {
        if (IsNull)
        {
            return "null";
        }

        if (IsSensitive)
        {
            // Environment values may be secrets; the key name and source are enough to find it.
            return "a value that is not shown because it may be secret";
        }

        return IsImplicitlyTyped ? $"'{Text}'" : $"the quoted text \"{Text}\"";
    }
}
