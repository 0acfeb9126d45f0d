using Basis.Configuration.Tree;

namespace Basis.Configuration.Loading;

/// <summary>
/// Turns command-line <c>--set dotted.key=value</c> assignments into a mapping to merge over the files with
/// <see cref="ConfigMerge"/>. The value is YAML flow syntax, so <c>n=0.25</c>, <c>flag=true</c>, <c>s=text</c>,
/// <c>x=[1, 2]</c> and <c>hedge_allocation={binance: 0.5, okx: 0}</c> all work, and every node is sourced as
/// <c>--set key=value</c> so later errors point at the flag the user typed.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>key=</c> (nothing after <c>=</c>) sets null, as <c>~</c> does in a file.</item>
/// <item>Paths must not overlap: assigning the same path twice, or a path and a key under it (<c>a=1</c> and
/// <c>a.b=2</c>), is an error rather than "last wins", because the result would depend on argument order.</item>
/// <item>Keys cannot contain dots; flow mappings need a space after the colon (<c>{okx: 0}</c>, not <c>{okx:0}</c>,
/// which YAML reads as the single text <c>okx:0</c>).</item>
/// </list>
/// </remarks>
public static class ConfigOverrides
{
    /// <summary>Parses assignments (without the <c>--set</c> flag itself) into one mapping.</summary>
    /// <exception cref="ConfigException">Every malformed or conflicting assignment, listed together.</exception>
    public static ConfigMapping Parse(IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(assignments);
        var errors = new List<ConfigError>();
        var parsed = new List<Assignment>();
        foreach (var text in assignments)
        {
            if (ParseOne(text, errors) is { } assignment)
            {
                foreach (var earlier in parsed)
                {
                    if (Overlaps(earlier.Segments, assignment.Segments))
                    {
                        errors.Add(new ConfigError(
                            assignment.Source,
                            assignment.Path,
                            $"conflicts with '{earlier.Source.Origin}': a path may be set once, and not together with a key inside it"));
                    }
                }

                parsed.Add(assignment);
            }
        }

        ConfigException.ThrowIfAny(errors);
        return Build(parsed, 0, ConfigSource.FromOrigin("--set"));
    }

    private static Assignment? ParseOne(string text, List<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        var source = ConfigSource.FromOrigin($"--set {text}");
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            errors.Add(new ConfigError(source, string.Empty, "expected key=value (no '=' found)"));
            return null;
        }

        var path = text[..equals].Trim();
        if (path.Length == 0)
        {
            errors.Add(new ConfigError(source, string.Empty, "the key before '=' is empty"));
            return null;
        }

        var segments = path.Split('.');
        if (segments.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(new ConfigError(source, path, "the key has an empty segment (check for '..' or a leading or trailing '.')"));
            return null;
        }

        var valueText = text[(equals + 1)..];
        var valueErrors = new List<ConfigError>();
        var value = YamlTreeBuilder.Build(valueText, _ => source, flowOnly: true, valueErrors);
        foreach (var error in valueErrors)
        {
            errors.Add(error with { Path = error.Path.Length == 0 ? path : ConfigPath.Key(path, error.Path) });
        }

        if (value is null && valueText.Trim().Length > 0 && valueErrors.Count == 0)
        {
            // "#abc" is a YAML comment, which would otherwise quietly become null.
            errors.Add(new ConfigError(source, path, "the value is a YAML comment; quote it to mean text"));
        }

        return valueErrors.Count > 0 ? null : new Assignment(segments, path, value ?? ConfigScalar.Null(source), source);
    }

    private static bool Overlaps(string[] a, string[] b)
    {
        var shared = Math.Min(a.Length, b.Length);
        for (var i = 0; i < shared; i++)
        {
            if (!string.Equals(a[i], b[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Nests assignments sharing a first segment; paths are known not to overlap.</summary>
    private static ConfigMapping Build(List<Assignment> assignments, int depth, ConfigSource source)
    {
        var entries = new List<ConfigEntry>();
        foreach (var group in assignments.GroupBy(a => a.Segments[depth], StringComparer.Ordinal))
        {
            var first = group.First();
            var value = first.Segments.Length == depth + 1
                ? first.Value
                : Build(group.ToList(), depth + 1, first.Source);
            entries.Add(new ConfigEntry(group.Key, first.Source, value));
        }

        return new ConfigMapping(entries, source);
    }

    private sealed record Assignment(string[] Segments, string Path, ConfigNode Value, ConfigSource Source);
}
