using Basis.Configuration.Tree;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Basis.Configuration.Loading;

/// <summary>
/// Turns YamlDotNet parser events into a <see cref="ConfigNode"/> tree. Events rather than the representation
/// model because the model silently keeps the last of two duplicate keys and loses which one the user meant.
/// </summary>
/// <remarks>
/// Anchors and aliases are supported: an alias shares the anchored node, whose source is where the anchor was
/// written. YAML merge keys (<c>&lt;&lt;: *base</c>) are rejected because YamlDotNet's parser does not apply
/// them and a silently ignored merge would drop values; layering belongs in separate files merged by
/// <see cref="ConfigMerge"/>.
/// </remarks>
internal sealed class YamlTreeBuilder
{
    private readonly IParser _parser;
    private readonly Func<Mark, ConfigSource> _sourceAt;
    private readonly bool _flowOnly;
    private readonly List<ConfigError> _errors;
    private readonly Dictionary<string, ConfigNode> _anchors = new(StringComparer.Ordinal);

    private YamlTreeBuilder(IParser parser, Func<Mark, ConfigSource> sourceAt, bool flowOnly, List<ConfigError> errors)
    {
        _parser = parser;
        _sourceAt = sourceAt;
        _flowOnly = flowOnly;
        _errors = errors;
    }

    /// <summary>
    /// Builds the single document in <paramref name="yaml"/>, or returns null for a stream with no document
    /// (empty, or only comments). Problems are added to <paramref name="errors"/>; when any were added the tree
    /// must not be used.
    /// </summary>
    /// <param name="yaml">The text.</param>
    /// <param name="sourceAt">Maps a parser position to the source recorded on nodes and errors.</param>
    /// <param name="flowOnly">Reject block collections (used for <c>--set</c> values, where they are always a mistake).</param>
    /// <param name="errors">Receives every problem found.</param>
    public static ConfigNode? Build(string yaml, Func<Mark, ConfigSource> sourceAt, bool flowOnly, List<ConfigError> errors)
    {
        using var reader = new StringReader(yaml);
        var builder = new YamlTreeBuilder(new Parser(reader), sourceAt, flowOnly, errors);
        try
        {
            return builder.ReadStream();
        }
        catch (YamlException ex)
        {
            // The parser stops at the first syntax error; nothing after it can be trusted, so report it alone
            // with the parser's own message (which names what it expected).
            errors.Add(new ConfigError(sourceAt(ex.Start), string.Empty, $"YAML syntax error: {ex.Message}"));
            return null;
        }
    }

    private ConfigNode? ReadStream()
    {
        Expect<StreamStart>();
        if (_parser.Current is StreamEnd)
        {
            return null;
        }

        Expect<DocumentStart>();
        var root = ReadNode(string.Empty);
        Expect<DocumentEnd>();
        if (_parser.Current is DocumentStart second)
        {
            _errors.Add(new ConfigError(
                _sourceAt(second.Start),
                string.Empty,
                "a second YAML document ('---') is not supported; put each layer in its own file"));
        }

        return root;
    }

    private ConfigNode ReadNode(string path)
    {
        var current = Next();
        switch (current)
        {
            case AnchorAlias alias:
                if (_anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    return anchored;
                }

                _errors.Add(new ConfigError(_sourceAt(alias.Start), path, $"alias '*{alias.Value}' refers to no anchor defined before it"));
                return ConfigScalar.Null(_sourceAt(alias.Start));

            case Scalar scalar:
                CheckTag(scalar, path, CoreTags.String, CoreTags.Int, CoreTags.Float, CoreTags.Bool, CoreTags.Null, CoreTags.NonSpecific);
                return Remember(scalar, new ConfigScalar(
                    scalar.Value,
                    _sourceAt(scalar.Start),
                    StyleOf(scalar.Style),
                    scalar.Tag.IsEmpty ? null : scalar.Tag.Value));

            case SequenceStart start:
                CheckTag(start, path, CoreTags.Seq);
                CheckFlow(start.Style == SequenceStyle.Block, start, path, "list", "[1, 2]");
                return Remember(start, ReadSequence(start, path));

            case MappingStart start:
                CheckTag(start, path, CoreTags.Map);
                CheckFlow(start.Style == MappingStyle.Block, start, path, "mapping", "{a: 1, b: 2}");
                return Remember(start, ReadMapping(start, path));

            default:
                throw new InvalidOperationException($"Unexpected YAML event {current.GetType().Name} at {current.Start}.");
        }
    }

    private ConfigSequence ReadSequence(SequenceStart start, string path)
    {
        var items = new List<ConfigNode>();
        while (_parser.Current is not SequenceEnd)
        {
            items.Add(ReadNode(ConfigPath.Item(path, items.Count)));
        }

        Next();
        return new ConfigSequence(items, _sourceAt(start.Start));
    }

    private ConfigMapping ReadMapping(MappingStart start, string path)
    {
        var entries = new List<ConfigEntry>();
        var seen = new Dictionary<string, ConfigSource>(StringComparer.Ordinal);
        while (_parser.Current is not MappingEnd)
        {
            var keyEvent = _parser.Current;
            var keyNode = ReadNode(path);
            var value = ReadNode(keyNode is ConfigScalar k ? ConfigPath.Key(path, k.Text) : path);
            var keySource = _sourceAt(keyEvent!.Start);
            if (keyNode is not ConfigScalar key)
            {
                _errors.Add(new ConfigError(keySource, path, $"a key must be text, not {keyNode.Describe()}"));
                continue;
            }

            var keyPath = ConfigPath.Key(path, key.Text);
            if (key.IsImplicitlyTyped && key.Text == "<<")
            {
                _errors.Add(new ConfigError(
                    keySource,
                    keyPath,
                    "YAML merge keys ('<<') are not supported; repeat the keys, or move shared values to a base file that is merged first"));
                continue;
            }

            if (!seen.TryAdd(key.Text, keySource))
            {
                var first = seen[key.Text];
                var where = first.Origin == keySource.Origin && first.Line > 0 ? $"line {first.Line}" : first.ToString();
                _errors.Add(new ConfigError(keySource, keyPath, $"duplicate key '{key.Text}' (first defined at {where})"));
                continue;
            }

            entries.Add(new ConfigEntry(key.Text, keySource, value));
        }

        Next();
        return new ConfigMapping(entries, _sourceAt(start.Start));
    }

    private void CheckTag(NodeEvent node, string path, params ReadOnlySpan<string> allowed)
    {
        if (node.Tag.IsEmpty || allowed.Contains(node.Tag.Value))
        {
            return;
        }

        _errors.Add(new ConfigError(
            _sourceAt(node.Start),
            path,
            $"tag '{CoreTags.Short(node.Tag.Value)}' is not supported here; allowed: {string.Join(", ", allowed.ToArray().Select(CoreTags.Short))}"));
    }

    private void CheckFlow(bool isBlock, ParsingEvent node, string path, string kind, string example)
    {
        if (_flowOnly && isBlock)
        {
            _errors.Add(new ConfigError(
                _sourceAt(node.Start),
                path,
                $"the value parses as a multi-line YAML {kind}; write it in flow style like {example}, or quote it to mean text"));
        }
    }

    private ConfigNode Remember(NodeEvent node, ConfigNode built)
    {
        if (!node.Anchor.IsEmpty)
        {
            // Registered only once the node is complete, so an alias inside its own anchor is an unknown alias
            // rather than a cycle.
            _anchors[node.Anchor.Value] = built;
        }

        return built;
    }

    private ParsingEvent Next()
    {
        var current = _parser.Current ?? throw new InvalidOperationException("The YAML parser has no current event.");
        Advance();
        return current;
    }

    private void Advance()
    {
        var last = _parser.Current;
        try
        {
            _parser.MoveNext();
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet 18's scanner throws a bare InvalidOperationException, without a position, on some malformed
            // input (an unclosed '[' followed by a 'key: value' line). Report it as a syntax error where parsing
            // last succeeded rather than crash.
            var at = last?.End ?? Mark.Empty;
            throw new YamlException(
                at,
                at,
                $"the parser could not continue after this point; an unclosed '[' or '{{' is the usual cause ({ex.Message})");
        }
    }

    private void Expect<T>()
        where T : ParsingEvent
    {
        if (_parser.Current is null)
        {
            Advance();
        }

        if (_parser.Current is not T)
        {
            throw new InvalidOperationException($"Expected YAML event {typeof(T).Name}, got {_parser.Current?.GetType().Name}.");
        }

        Advance();
    }

    private static ConfigScalarStyle StyleOf(ScalarStyle style) => style switch
    {
        ScalarStyle.SingleQuoted => ConfigScalarStyle.SingleQuoted,
        ScalarStyle.DoubleQuoted => ConfigScalarStyle.DoubleQuoted,
        ScalarStyle.Literal => ConfigScalarStyle.Literal,
        ScalarStyle.Folded => ConfigScalarStyle.Folded,
        _ => ConfigScalarStyle.Plain,
    };
}
