using System.Text;

namespace Basis.Configuration.Environments;

/// <summary>
/// Parses <c>.env</c>-style files (<c>env.unified</c>, <c>.env.dev</c>, …): one <c>NAME=value</c> per line,
/// blank lines and whole-line <c>#</c> comments, an optional <c>export </c> prefix, and optionally quoted values.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Unquoted values run to the end of the line (trimmed); there are no inline comments, because a secret may
/// contain <c>#</c>.</item>
/// <item><c>'single'</c> quotes are literal; <c>"double"</c> quotes understand <c>\"</c>, <c>\\</c>, <c>\n</c> and
/// <c>\t</c>. After the closing quote only a <c># comment</c> may follow. Values do not span lines.</item>
/// <item>Names are letters, digits and <c>_</c>, not starting with a digit (so <c>BASIS_LIVE_TRADING__MAX_NOTIONAL</c>
/// works); a name set twice in one file is an error.</item>
/// <item>Errors name <c>file:line</c> and the variable, never its value.</item>
/// </list>
/// </remarks>
public static class EnvFile
{
    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    /// <exception cref="ConfigException">The file is missing or has malformed lines (all of them listed).</exception>
    public static SettingsDictionary Load(string path)
    {
        var errors = new List<ConfigError>();
        var settings = Load(path, errors);
        ConfigException.ThrowIfAny(errors);
        return settings;
    }

    /// <summary>Parses env-file text; <paramref name="origin"/> stands in for the path in sources.</summary>
    /// <exception cref="ConfigException">Malformed lines, all of them listed.</exception>
    public static SettingsDictionary Parse(string text, string origin)
    {
        var errors = new List<ConfigError>();
        var settings = Parse(text, origin, errors);
        ConfigException.ThrowIfAny(errors);
        return settings;
    }

    internal static SettingsDictionary Load(string path, List<ConfigError> errors)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var problem = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file ({ex.Message})";
            errors.Add(new ConfigError(ConfigSource.InFile(path), string.Empty, problem));
            return SettingsDictionary.Empty;
        }

        return Parse(text, path, errors);
    }

    internal static SettingsDictionary Parse(string text, string origin, List<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        var settings = new List<(string, string, ConfigSource)>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var source = ConfigSource.InFile(origin, i + 1);
            var line = lines[i].TrimEnd('\r').Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            if (line.StartsWith("export ", StringComparison.Ordinal))
            {
                line = line["export ".Length..].TrimStart();
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                errors.Add(new ConfigError(source, string.Empty, "expected NAME=value (no '=' found)"));
                continue;
            }

            var name = line[..equals].Trim();
            if (!IsValidName(name))
            {
                errors.Add(new ConfigError(source, string.Empty, $"'{name}' is not a valid variable name (letters, digits and '_', not starting with a digit)"));
                continue;
            }

            if (ParseValue(line[(equals + 1)..].Trim()) is not { } value)
            {
                errors.Add(new ConfigError(source, name, "the quoted value is not closed, or is followed by something other than a # comment (values cannot span lines)"));
                continue;
            }

            if (!firstLine.TryAdd(name, i + 1))
            {
                errors.Add(new ConfigError(source, name, $"set twice in this file (first at line {firstLine[name]})"));
                continue;
            }

            settings.Add((name, value, source));
        }

        return SettingsDictionary.FromSettings(settings);
    }

    internal static bool IsValidName(string name) =>
        name.Length > 0
        && !char.IsAsciiDigit(name[0])
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    /// <summary>The value, unquoted; null when a quote is malformed.</summary>
    private static string? ParseValue(string raw)
    {
        if (raw.Length == 0 || (raw[0] != '"' && raw[0] != '\''))
        {
            return raw;
        }

        var quote = raw[0];
        var value = new StringBuilder(raw.Length);
        var i = 1;
        for (; i < raw.Length && raw[i] != quote; i++)
        {
            if (quote == '"' && raw[i] == '\\' && i + 1 < raw.Length)
            {
                i++;
                value.Append(raw[i] switch { 'n' => '\n', 't' => '\t', var c => c });
                continue;
            }

            value.Append(raw[i]);
        }

        if (i >= raw.Length)
        {
            return null;
        }

        var rest = raw[(i + 1)..].TrimStart();
        return rest.Length == 0 || rest[0] == '#' ? value.ToString() : null;
    }
}
