using System.Diagnostics.CodeAnalysis;
using Basis.Configuration.Tree;

namespace Basis.Configuration.Reading;

/// <summary>
/// Reads one mapping of a configuration tree into typed values, collecting <see cref="ConfigError"/>s instead of
/// throwing, so a binding can read everything, call <see cref="RejectUnknownKeys"/>, and report every mistake at
/// once. Readers for nested mappings (<see cref="Child"/>, <see cref="ConfigValue.AsMapping"/>) share one error
/// list. See <c>README.md</c> in this project for a worked binding.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Keys are case-sensitive, as in YAML; an unknown key's error suggests the closest valid key ignoring case.</item>
/// <item>A required key that is absent is reported at the mapping's source ("required key is missing"); one that
/// is null (<c>~</c>) is reported where the null was written.</item>
/// <item>An optional key that is absent <em>or null</em> gives the default, so an overlay can write <c>~</c> to
/// restore a default.</item>
/// <item>After an error, getters return placeholders (<c>default</c>, empty text, empty collections, a reader
/// over nothing); reading a missing or mistyped mapping reports once, not once per key inside it.</item>
/// </list>
/// </remarks>
public sealed class ConfigReader
{
    private readonly ConfigMapping? _mapping;
    private readonly List<ConfigError> _errors;
    private readonly HashSet<string> _asked = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ConfigReader> _children = new(StringComparer.Ordinal);
    private bool _unknownKeysChecked;

    /// <summary>A reader over the root of a tree (normally a loaded and merged file); a non-mapping root is an error.</summary>
    public ConfigReader(ConfigNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        _errors = [];
        Path = string.Empty;
        Source = root.Source;
        _mapping = root as ConfigMapping;
        if (_mapping is null)
        {
            _errors.Add(new ConfigError(root.Source, string.Empty, $"expected a mapping of keys at the top level, got {root.Describe()}"));
        }
    }

    /// <summary>A reader for a nested mapping; a null mapping makes a placeholder that reads nothing and reports nothing.</summary>
    internal ConfigReader(ConfigMapping? mapping, string path, ConfigSource source, ConfigReader parent)
    {
        _mapping = mapping;
        _errors = parent._errors;
        Path = path;
        Source = source;
    }

    /// <summary>Dotted path of this mapping; empty at the root.</summary>
    public string Path { get; }

    /// <summary>Where this mapping was written.</summary>
    public ConfigSource Source { get; }

    /// <summary>Every error recorded so far by this reader, its parent and its children.</summary>
    public IReadOnlyList<ConfigError> Errors => _errors;

    /// <summary>True once any error has been recorded.</summary>
    public bool HasErrors => _errors.Count > 0;

    /// <summary>The keys present, in written order (empty for a placeholder).</summary>
    public IEnumerable<string> Keys => _mapping?.Keys ?? [];

    /// <summary>
    /// Reads a whole tree in one step: builds a reader, runs <paramref name="read"/>, rejects unknown keys
    /// everywhere the binding looked, and throws if anything was wrong.
    /// </summary>
    /// <exception cref="ConfigException">Every error found.</exception>
    public static T Bind<T>(ConfigNode root, Func<ConfigReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var reader = new ConfigReader(root);
        var result = read(reader);
        reader.RejectUnknownKeys();
        reader.ThrowIfErrors();
        return result;
    }

    /// <summary>True when <paramref name="key"/> is present with a non-null value. Does not count as reading the key.</summary>
    public bool Has(string key) => _mapping is not null && _mapping.TryGetValue(key, out var node) && node is not ConfigScalar { IsNull: true };

    /// <summary>The value of a required key; when absent the error is recorded and the value is <see cref="ConfigValue.IsMissing"/>.</summary>
    public ConfigValue Value(string key) => Lookup(key, required: true)!;

    /// <summary>The value of an optional key, or null when it is absent or null.</summary>
    public ConfigValue? OptionalValue(string key)
    {
        var value = Lookup(key, required: false);
        return value is null || value.IsNull ? null : value;
    }

    /// <summary>A required bool, int, long, double, decimal, <see cref="DateOnly"/> or <see cref="DateTime"/>, within the inclusive bounds when given.</summary>
    public T Required<T>(string key, T? min = null, T? max = null)
        where T : struct, IComparable<T> =>
        Value(key).As(min, max);

    /// <summary>An optional value of a supported type; <paramref name="defaultValue"/> when absent or null.</summary>
    public T Optional<T>(string key, T defaultValue, T? min = null, T? max = null)
        where T : struct, IComparable<T> =>
        OptionalValue(key) is { } value ? value.As(min, max) : defaultValue;

    /// <summary>Required non-empty text.</summary>
    public string RequiredString(string key) => Value(key).AsString();

    /// <summary>Optional non-empty text; <paramref name="defaultValue"/> when absent or null.</summary>
    [return: NotNullIfNotNull(nameof(defaultValue))]
    public string? OptionalString(string key, string? defaultValue = null) =>
        OptionalValue(key) is { } value ? value.AsString() : defaultValue;

    /// <summary>A required enum member, matched ignoring case and <c>_</c>/<c>-</c>; errors list the allowed values.</summary>
    public T Enum<T>(string key)
        where T : struct, Enum =>
        Value(key).AsEnum<T>();

    /// <summary>An optional enum member; <paramref name="defaultValue"/> when absent or null.</summary>
    public T OptionalEnum<T>(string key, T defaultValue)
        where T : struct, Enum =>
        OptionalValue(key) is { } value ? value.AsEnum<T>() : defaultValue;

    /// <summary>A required nested mapping with a fixed set of keys.</summary>
    public ConfigReader Child(string key) => Value(key).AsMapping();

    /// <summary>An optional nested mapping, or null when absent or null.</summary>
    public ConfigReader? OptionalChild(string key) => OptionalValue(key)?.AsMapping();

    /// <summary>A required mapping whose keys are data (e.g. venue → weight); see <see cref="ConfigValue.AsMap{T}"/>.</summary>
    public IReadOnlyDictionary<string, T> Map<T>(string key, Func<ConfigValue, T> readEntry) => Value(key).AsMap(readEntry);

    /// <summary>A required list, each item read with <paramref name="readItem"/>; an empty list is allowed.</summary>
    public IReadOnlyList<T> Sequence<T>(string key, Func<ConfigValue, T> readItem) => Value(key).AsSequence(readItem);

    /// <summary>Declares keys valid without reading them (read elsewhere, or deliberately ignored), so <see cref="RejectUnknownKeys"/> accepts them.</summary>
    public void IgnoreKeys(params IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _asked.UnionWith(keys);
    }

    /// <summary>Records a problem with <paramref name="key"/>, at its value's source when present (a cross-field rule, say).</summary>
    public void AddError(string key, string message)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentException.ThrowIfNullOrEmpty(message);
        var source = _mapping is not null && _mapping.TryGetValue(key, out var node) ? node.Source : Source;
        _errors.Add(new ConfigError(source, ConfigPath.Key(Path, key), message));
    }

    /// <summary>Records a problem with this mapping as a whole (e.g. "weights must sum to 1").</summary>
    public void AddError(string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        _errors.Add(new ConfigError(Source, Path, message));
    }

    /// <summary>
    /// Reports every key present that no getter asked for (nor <see cref="IgnoreKeys"/> named), here and in every
    /// nested mapping read through this reader. Each error sits on the key's line, lists the valid keys and
    /// suggests the nearest one (<c>okxx</c> → did you mean 'okx'?). Call it after reading; calling it again, or
    /// on a child already checked, reports nothing new.
    /// </summary>
    public void RejectUnknownKeys()
    {
        if (!_unknownKeysChecked && _mapping is not null)
        {
            var valid = _asked.Order(StringComparer.Ordinal).ToList();
            foreach (var entry in _mapping.Entries)
            {
                if (_asked.Contains(entry.Key))
                {
                    continue;
                }

                var message = KeySuggestion.UnknownKeyMessage(entry.Key, valid);
                _errors.Add(new ConfigError(entry.KeySource, ConfigPath.Key(Path, entry.Key), message));
            }
        }

        _unknownKeysChecked = true;
        foreach (var child in _children.Values)
        {
            child.RejectUnknownKeys();
        }
    }

    /// <summary>Throws a <see cref="ConfigException"/> listing every error when there are any.</summary>
    /// <exception cref="ConfigException">At least one error was recorded.</exception>
    public void ThrowIfErrors() => ConfigException.ThrowIfAny(_errors);

    internal void Report(ConfigError error) => _errors.Add(error);

    /// <summary>
    /// The reader for the nested mapping at <paramref name="path"/>, made once: reading one mapping through two
    /// readers would make each report the keys only the other asked for as unknown.
    /// </summary>
    internal ConfigReader ChildAt(string path, Func<ConfigReader> create)
    {
        if (!_children.TryGetValue(path, out var child))
        {
            child = create();
            _children.Add(path, child);
        }

        return child;
    }

    private ConfigValue? Lookup(string key, bool required)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        _asked.Add(key);
        var path = ConfigPath.Key(Path, key);
        if (_mapping is not null && _mapping.TryGetValue(key, out var node))
        {
            return new ConfigValue(node, path, key, node.Source, this);
        }

        if (!required)
        {
            return null;
        }

        if (_mapping is not null)
        {
            _errors.Add(new ConfigError(Source, path, "required key is missing"));
        }

        return new ConfigValue(null, path, key, Source, this);
    }
}
