using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Basis.Configuration.Tree;

/// <summary>A YAML mapping: string keys in the order they were written, each at most once.</summary>
public sealed class ConfigMapping : ConfigNode
{
    private readonly Dictionary<string, ConfigEntry> _byKey;

    /// <summary>Creates a mapping; a repeated key is a bug in the caller (loaders report duplicates as errors first).</summary>
    public ConfigMapping(IEnumerable<ConfigEntry> entries, ConfigSource source)
        : base(source)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Entries = entries.ToList();
        _byKey = new Dictionary<string, ConfigEntry>(Entries.Count, StringComparer.Ordinal);
        foreach (var entry in Entries)
        {
            if (!_byKey.TryAdd(entry.Key, entry))
            {
                throw new ArgumentException($"Key '{entry.Key}' appears twice in one mapping.", nameof(entries));
            }
        }
    }

    /// <summary>The entries in written order.</summary>
    public IReadOnlyList<ConfigEntry> Entries { get; }

    /// <summary>Number of keys.</summary>
    public int Count => Entries.Count;

    /// <summary>The keys in written order.</summary>
    public IEnumerable<string> Keys => Entries.Select(e => e.Key);

    /// <summary>An empty mapping, e.g. for an empty file.</summary>
    public static ConfigMapping Empty(ConfigSource source) => new([], source);

    /// <summary>True when <paramref name="key"/> is present (with any value, null included).</summary>
    public bool ContainsKey(string key) => _byKey.ContainsKey(key);

    /// <summary>The entry for <paramref name="key"/>, with the key's own source.</summary>
    public bool TryGetEntry(string key, [NotNullWhen(true)] out ConfigEntry? entry) => _byKey.TryGetValue(key, out entry);

    /// <summary>The value for <paramref name="key"/>.</summary>
    public bool TryGetValue(string key, [NotNullWhen(true)] out ConfigNode? value)
    {
        value = _byKey.TryGetValue(key, out var entry) ? entry.Value : null;
        return value is not null;
    }

    internal override void Render(StringBuilder text)
    {
        text.Append('{');
        for (var i = 0; i < Entries.Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(Entries[i].Key).Append(": ");
            Entries[i].Value.Render(text);
        }

        text.Append('}');
    }

    internal override string Describe() => "a mapping";
}
