using Basis.Configuration.Tree;

namespace Basis.Configuration.Reading;

/// <summary>
/// One value at a known path, ready to be converted. Handed to the callbacks of
/// <see cref="ConfigReader.Map{T}(string, Func{ConfigValue, T})"/> and
/// <see cref="ConfigReader.Sequence{T}(string, Func{ConfigValue, T})"/>, and returned by
/// <see cref="ConfigReader.Value(string)"/>. Conversions never throw on bad input: they record a
/// <see cref="ConfigError"/> in the reader's shared list and return a placeholder (<c>default</c>), so reading
/// continues and every mistake is reported in one run. Check <see cref="ConfigReader.Errors"/> (or call
/// <see cref="ConfigReader.ThrowIfErrors"/>) before using what was read.
/// </summary>
public sealed class ConfigValue
{
    private readonly ConfigReader _owner;

    internal ConfigValue(ConfigNode? node, string path, string? key, ConfigSource source, ConfigReader owner)
    {
        Node = node;
        Path = path;
        Key = key;
        Source = source;
        _owner = owner;
    }

    /// <summary>The value's node, or null when it is missing (the missing-key error is already recorded).</summary>
    public ConfigNode? Node { get; }

    /// <summary>Dotted path for messages, e.g. <c>hedge_allocation.okx</c> or <c>venues[1]</c>.</summary>
    public string Path { get; }

    /// <summary>The mapping key this value sits under, or null for a sequence item.</summary>
    public string? Key { get; }

    /// <summary>Where the value was written (for a missing value: the mapping that lacks it).</summary>
    public ConfigSource Source { get; }

    /// <summary>True when the value is absent; conversions then return placeholders without further errors.</summary>
    public bool IsMissing => Node is null;

    /// <summary>True for an explicit null (<c>~</c>, <c>null</c>, or nothing after the colon).</summary>
    public bool IsNull => Node is ConfigScalar { IsNull: true };

    /// <summary>
    /// Reads a bool, int, long, double, decimal, <see cref="DateOnly"/> or <see cref="DateTime"/> (UTC), checking
    /// the inclusive bounds when given.
    /// </summary>
    /// <exception cref="NotSupportedException"><typeparamref name="T"/> is not one of the supported types (a bug in the caller).</exception>
    public T As<T>(T? min = null, T? max = null)
        where T : struct, IComparable<T>
    {
        var expected = ScalarConversion.Expected<T>();
        if (Scalar(expected) is not { } scalar)
        {
            return default;
        }

        if (!ScalarConversion.TryConvert<T>(scalar, out var value))
        {
            var hint = !scalar.IsImplicitlyTyped && !scalar.IsSensitive
                && ScalarConversion.TryConvert<T>(new ConfigScalar(scalar.Text, scalar.Source), out _)
                    ? "; remove the quotes (or tag) to make it a value rather than text"
                    : string.Empty;
            AddError($"expected {expected}, got {scalar.Describe()}{hint}");
            return default;
        }

        var tooLow = min is { } lo && value.CompareTo(lo) < 0;
        var tooHigh = max is { } hi && value.CompareTo(hi) > 0;
        if (tooLow || tooHigh)
        {
            var rule = (min, max) switch
            {
                ({ } a, { } b) => $"must be between {ScalarConversion.Format(a)} and {ScalarConversion.Format(b)}",
                ({ } a, null) => $"must be at least {ScalarConversion.Format(a)}",
                _ => $"must be at most {ScalarConversion.Format(max!.Value)}",
            };
            AddError(scalar.IsSensitive ? rule : $"{rule} (got {scalar.Text.Trim()})");
        }

        return value;
    }

    /// <summary>Reads non-empty text. Any scalar style is text: <c>2024</c> and <c>"2024"</c> both give "2024".</summary>
    public string AsString()
    {
        if (Scalar("text") is not { } scalar)
        {
            return string.Empty;
        }

        if (string.IsNullOrWhiteSpace(scalar.Text))
        {
            AddError("must not be empty");
        }

        return scalar.Text;
    }

    /// <summary>
    /// Reads an enum member by name, ignoring case, <c>_</c> and <c>-</c> (so <c>usdt_market_neutral</c> names
    /// <c>UsdtMarketNeutral</c>); an error lists the allowed values in snake_case.
    /// </summary>
    public T AsEnum<T>()
        where T : struct, Enum
    {
        var names = EnumNaming.SnakeCaseNames<T>();
        if (Scalar($"one of: {string.Join(", ", names)}") is not { } scalar)
        {
            return default;
        }

        if (EnumNaming.TryParse<T>(scalar.Text, out var value))
        {
            return value;
        }

        var suggestion = scalar.IsSensitive ? null : KeySuggestion.Closest(scalar.Text.Trim(), names);
        var got = scalar.IsSensitive ? "the value" : $"'{scalar.Text}'";
        AddError($"{got} is not one of: {string.Join(", ", names)}{(suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)")}");
        return default;
    }

    /// <summary>
    /// A reader over this value as a mapping. It shares the error list, and the reader that produced this value
    /// checks it for unknown keys when its own <see cref="ConfigReader.RejectUnknownKeys"/> runs.
    /// </summary>
    public ConfigReader AsMapping() => _owner.ChildAt(Path, () =>
    {
        if (Node is null or ConfigMapping)
        {
            return new ConfigReader(Node as ConfigMapping, Path, Source, _owner);
        }

        Report("a mapping");
        return new ConfigReader(null, Path, Source, _owner);
    });

    /// <summary>Reads every item of a list with <paramref name="readItem"/>; paths are <c>key[0]</c>, <c>key[1]</c>, ….</summary>
    public IReadOnlyList<T> AsSequence<T>(Func<ConfigValue, T> readItem)
    {
        ArgumentNullException.ThrowIfNull(readItem);
        if (Node is null)
        {
            return [];
        }

        if (Node is not ConfigSequence sequence)
        {
            Report("a list");
            return [];
        }

        var items = new List<T>(sequence.Count);
        for (var i = 0; i < sequence.Count; i++)
        {
            var item = sequence.Items[i];
            items.Add(readItem(new ConfigValue(item, ConfigPath.Item(Path, i), key: null, item.Source, _owner)));
        }

        return items;
    }

    /// <summary>
    /// Reads a mapping whose keys are data rather than a fixed schema (venue → weight, say): every key is accepted
    /// and each value is read with <paramref name="readEntry"/>. Validate the keys themselves with
    /// <see cref="AddError(string)"/> on the entry, or use <see cref="AsMapping"/> for a fixed set of keys.
    /// </summary>
    public IReadOnlyDictionary<string, T> AsMap<T>(Func<ConfigValue, T> readEntry)
    {
        ArgumentNullException.ThrowIfNull(readEntry);
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        if (Node is null)
        {
            return map;
        }

        if (Node is not ConfigMapping mapping)
        {
            Report("a mapping");
            return map;
        }

        foreach (var entry in mapping.Entries)
        {
            map[entry.Key] = readEntry(new ConfigValue(entry.Value, ConfigPath.Key(Path, entry.Key), entry.Key, entry.Value.Source, _owner));
        }

        return map;
    }

    /// <summary>Records a problem with this value (for rules the reader cannot know, such as a venue name that is not configured).</summary>
    public void AddError(string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(message);
        _owner.Report(new ConfigError(Source, Path, message));
    }

    /// <summary>The non-null scalar to convert, or null after reporting why there is none.</summary>
    private ConfigScalar? Scalar(string expected)
    {
        switch (Node)
        {
            case null:
                return null;
            case ConfigScalar { IsNull: false } scalar:
                return scalar;
            default:
                Report(expected);
                return null;
        }
    }

    private void Report(string expected) =>
        AddError(IsNull ? $"has no value; expected {expected}" : $"expected {expected}, got {Node!.Describe()}");
}
