namespace Basis.Configuration.Environments;

/// <summary>
/// Layers the environment settings of DESIGN §9, lowest precedence first: <c>env.unified</c> (every name the
/// system reads, usually with empty values) ← <c>.env.{environment}</c> ← the real process environment.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>env.unified</c> is the list of names: a name in <c>.env.{environment}</c> that it does not declare is an
/// error (with a suggestion), and the process environment overrides declared names only, so <c>PATH</c> and
/// <c>HOME</c> never enter the settings.</item>
/// <item><c>env.unified</c> must exist; <c>.env.{environment}</c> may be absent (it holds secrets and is not in git,
/// so CI supplies the values as real environment variables instead).</item>
/// <item>A process variable set to the empty string still overrides.</item>
/// <item>All errors from both files are reported together.</item>
/// </list>
/// </remarks>
public static class EnvironmentLayers
{
    /// <summary>The file that declares every setting name.</summary>
    public const string UnifiedFileName = "env.unified";

    /// <summary>
    /// Loads <c>{directory}/env.unified</c> and <c>{directory}/.env.{environment}</c>, then applies
    /// <paramref name="processEnvironment"/> (the real environment when null).
    /// </summary>
    /// <param name="directory">The folder holding the env files, normally <c>configs/</c>.</param>
    /// <param name="environment">The environment name, e.g. <c>dev</c>, <c>staging</c> or <c>production</c>.</param>
    /// <param name="processEnvironment">Variables standing in for the process environment (tests), or null.</param>
    /// <exception cref="ConfigException">A file is malformed, <c>env.unified</c> is missing, or a name is undeclared.</exception>
    public static SettingsDictionary Load(
        string directory,
        string environment,
        IEnumerable<KeyValuePair<string, string>>? processEnvironment = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(environment);
        var errors = new List<ConfigError>();
        var unifiedPath = Path.Combine(directory, UnifiedFileName);
        var declared = EnvFile.Load(unifiedPath, errors);

        // With env.unified missing or malformed, the list of names is unknown; checking against it would only add noise.
        var declarationsKnown = errors.Count == 0;

        var environmentSettings = SettingsDictionary.Empty;
        if (environment.Length == 0 || !environment.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            // The name becomes part of a file name; refuse anything that could reach outside the folder.
            errors.Add(new ConfigError(
                ConfigSource.FromOrigin("environment name"),
                string.Empty,
                $"'{environment}' is not a valid environment name (letters, digits, '-' and '_', e.g. dev, staging, production)"));
        }
        else
        {
            var environmentPath = Path.Combine(directory, $".env.{environment}");
            if (File.Exists(environmentPath))
            {
                environmentSettings = EnvFile.Load(environmentPath, errors);
            }
        }

        if (declarationsKnown)
        {
            foreach (var name in environmentSettings.Keys.Where(n => !declared.ContainsKey(n)).Order(StringComparer.Ordinal))
            {
                var suggestion = KeySuggestion.Closest(name, declared.Keys);
                errors.Add(new ConfigError(
                    environmentSettings.SourceOf(name),
                    name,
                    $"not declared in {UnifiedFileName}{(suggestion is null ? "; add it there first" : $"; did you mean '{suggestion}'?")}"));
            }
        }

        ConfigException.ThrowIfAny(errors);
        var process = SettingsDictionary.FromEnvironmentVariables(processEnvironment).Where(declared.ContainsKey);
        return declared.Overlay(environmentSettings).Overlay(process);
    }
}
