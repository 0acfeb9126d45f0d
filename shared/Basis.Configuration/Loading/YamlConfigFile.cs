using Basis.Configuration.Tree;

namespace Basis.Configuration.Loading;

/// <summary>
/// Loads one YAML configuration file into a source-tracked <see cref="ConfigNode"/> tree. Every problem in the
/// file — syntax error, duplicate key, unsupported tag or merge key — becomes a <see cref="ConfigError"/> naming
/// <c>file:line</c>, and all of them are thrown together as one <see cref="ConfigException"/>.
/// </summary>
/// <remarks>
/// One document per file. An empty file (or one with only comments) is an empty mapping, so an empty overlay
/// merges as a no-op. Anchors and aliases work; merge keys (<c>&lt;&lt;</c>) are rejected.
/// </remarks>
public static class YamlConfigFile
{
    /// <summary>Reads and parses <paramref name="path"/>; sources name the path as given.</summary>
    /// <exception cref="ConfigException">The file is missing, unreadable or not valid configuration YAML.</exception>
    public static ConfigNode Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Paths come from the user (CLI, mode names), so a missing file is an input error, not a crash.
            var problem = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file ({ex.Message})";
            throw new ConfigException([new ConfigError(ConfigSource.InFile(path), string.Empty, problem)]);
        }

        return Parse(text, path);
    }

    /// <summary>
    /// Loads several files (e.g. the layers of one run, lowest precedence first), reading every one before
    /// failing so the user sees the problems in all of them at once.
    /// </summary>
    /// <exception cref="ConfigException">Every error from every file.</exception>
    public static IReadOnlyList<ConfigNode> LoadAll(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var nodes = new List<ConfigNode>();
        var errors = new List<ConfigError>();
        foreach (var path in paths)
        {
            try
            {
                nodes.Add(Load(path));
            }
            catch (ConfigException ex)
            {
                errors.AddRange(ex.Errors);
            }
        }

        ConfigException.ThrowIfAny(errors);
        return nodes;
    }

    /// <summary>Parses YAML text; <paramref name="origin"/> stands in for the file path in sources.</summary>
    /// <exception cref="ConfigException">The text is not valid configuration YAML.</exception>
    public static ConfigNode Parse(string yaml, string origin)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrEmpty(origin);
        var errors = new List<ConfigError>();
        var root = YamlTreeBuilder.Build(yaml, mark => ConfigSource.InFile(origin, checked((int)mark.Line), checked((int)mark.Column)), flowOnly: false, errors);
        ConfigException.ThrowIfAny(errors);
        return root ?? ConfigMapping.Empty(ConfigSource.InFile(origin));
    }
}
