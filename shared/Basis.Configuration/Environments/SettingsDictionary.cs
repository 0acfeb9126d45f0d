using System.Collections;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using Basis.Configuration.Tree;

namespace Basis.Configuration.Environments;

/// <summary>
/// Named settings from env files, <c>local.settings.json</c> or the process environment, each remembering where it
/// was set. Values may be secrets, so nothing here prints them: <see cref="ToString"/> and the debugger view show
/// names and sources only, and <see cref="ToConfigNode"/> marks every value sensitive so reader errors omit it.
/// </summary>
[DebuggerDisplay("{ToString(),nq}")]
[DebuggerTypeProxy(typeof(NamesOnlyView))]
public sealed class SettingsDictionary : IReadOnlyDictionary<string, string>
{
    private readonly Dictionary<string, Setting> _settings;

    private SettingsDictionary(Dictionary<string, Setting> settings)
    {
        _settings = settings;
    }

    /// <summary>No settings.</summary>
    public static SettingsDictionary Empty { get; } = new(new Dictionary<string, Setting>(StringComparer.Ordinal));

    /// <summary>Number of names.</summary>
    public int Count => _settings.Count;

    /// <summary>The names, in no particular order.</summary>
    public IEnumerable<string> Keys => _settings.Keys;

    /// <summary>The values. Never log these.</summary>
    public IEnumerable<string> Values => _settings.Values.Select(s => s.Value);

    /// <summary>The value of <paramref name="key"/>; an empty string when declared without a value.</summary>
    /// <exception cref="KeyNotFoundException">The name is not present; the message names it (never a value).</exception>
    public string this[string key] => _settings.TryGetValue(key, out var setting)
        ? setting.Value
        : throw new KeyNotFoundException($"Setting '{key}' is not present.");

    /// <summary>
    /// Settings taken from process environment variables (the real environment when <paramref name="variables"/>
    /// is null), each sourced as <c>environment variable NAME</c>.
    /// </summary>
    public static SettingsDictionary FromEnvironmentVariables(IEnumerable<KeyValuePair<string, string>>? variables = null)
    {
        var pairs = variables ?? System.Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .Select(e => KeyValuePair.Create((string)e.Key, (string?)e.Value ?? string.Empty));
        return FromSettings(pairs.Select(p => (p.Key, p.Value, ConfigSource.FromOrigin($"environment variable {p.Key}"))));
    }

    /// <summary>Where <paramref name="key"/> was set (file and line, or environment variable).</summary>
    public ConfigSource SourceOf(string key) => _settings.TryGetValue(key, out var setting)
        ? setting.Source
        : throw new KeyNotFoundException($"Setting '{key}' is not present.");

    /// <summary>True when <paramref name="key"/> is present (possibly with an empty value).</summary>
    public bool ContainsKey(string key) => _settings.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var found = _settings.TryGetValue(key, out var setting);
        value = setting?.Value;
        return found;
    }

    /// <summary>
    /// These settings with <paramref name="overlay"/> on top: the overlay's value and source win for every name
    /// it holds, including an empty value (an empty variable is still a decision someone made).
    /// </summary>
    public SettingsDictionary Overlay(SettingsDictionary overlay)
    {
        ArgumentNullException.ThrowIfNull(overlay);
        var merged = new Dictionary<string, Setting>(_settings, StringComparer.Ordinal);
        foreach (var (name, setting) in overlay._settings)
        {
            merged[name] = setting;
        }

        return new SettingsDictionary(merged);
    }

    /// <summary>Only the names for which <paramref name="keep"/> is true.</summary>
    public SettingsDictionary Where(Func<string, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        return new SettingsDictionary(_settings.Where(s => keep(s.Key)).ToDictionary(StringComparer.Ordinal));
    }

    /// <summary>
    /// A flat mapping from name to value so bindings can use <see cref="Reading.ConfigReader"/>
    /// (<c>reader.Required&lt;int&gt;("BASIS_API_PORT", min: 1, max: 65535)</c>). Each value is a plain scalar —
    /// numbers and booleans read as such — marked sensitive; an empty value is null, so a required setting
    /// declared in <c>env.unified</c> but never given a value is reported at its declaration by name.
    /// </summary>
    public ConfigMapping ToConfigNode()
    {
        var entries = _settings
            .OrderBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => new ConfigEntry(s.Key, s.Value.Source, new ConfigScalar(s.Value.Value, s.Value.Source, isSensitive: true)));
        return new ConfigMapping(entries, ConfigSource.FromOrigin("environment settings"));
    }

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, string>> GetEnumerator() =>
        _settings.Select(s => KeyValuePair.Create(s.Key, s.Value.Value)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The names only, e.g. <c>3 settings (values hidden): A, B, C</c>.</summary>
    public override string ToString() =>
        $"{Count} settings (values hidden): {string.Join(", ", _settings.Keys.Order(StringComparer.Ordinal))}";

    /// <summary>Builds settings from name, value and source; a repeated name keeps the last.</summary>
    internal static SettingsDictionary FromSettings(IEnumerable<(string Name, string Value, ConfigSource Source)> settings)
    {
        var map = new Dictionary<string, Setting>(StringComparer.Ordinal);
        foreach (var (name, value, source) in settings)
        {
            map[name] = new Setting(value, source);
        }

        return new SettingsDictionary(map);
    }

    // A class rather than a record so no generated ToString can print the value.
    private sealed class Setting(string value, ConfigSource source)
    {
        public string Value { get; } = value;

        public ConfigSource Source { get; } = source;

        public override string ToString() => $"(hidden) from {Source}";
    }

    /// <summary>What a debugger shows instead of the dictionary's key/value pairs.</summary>
    private sealed class NamesOnlyView(SettingsDictionary settings)
    {
        [DebuggerBrowsable(DebuggerBrowsableState.RootHidden)]
        public string[] Names { get; } = settings._settings
            .Select(s => $"{s.Key} (set at {s.Value.Source})")
            .Order(StringComparer.Ordinal)
            .ToArray();
    }
}
