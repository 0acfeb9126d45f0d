namespace Basis.Configuration.Tree;

/// <summary>
/// One key of a <see cref="ConfigMapping"/> with its value. The key's own position is kept because an unknown or
/// duplicate key is reported where the key was typed, which may differ from where a multi-line value starts.
/// </summary>
/// <param name="Key">The key text.</param>
/// <param name="KeySource">Where the key was written.</param>
/// <param name="Value">The value node, with its own source.</param>
public sealed record ConfigEntry(string Key, ConfigSource KeySource, ConfigNode Value)
{
    /// <summary>An entry whose key is taken to be written where its value is (for trees built in code).</summary>
    public ConfigEntry(string key, ConfigNode value)
        : this(key, (value ?? throw new ArgumentNullException(nameof(value))).Source, value)
    {
    }
}
