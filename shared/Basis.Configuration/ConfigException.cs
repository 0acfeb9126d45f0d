namespace Basis.Configuration;

/// <summary>
/// Configuration that cannot be used. Carries every error found, and its message lists them one per line, so a
/// host can print the message and exit with code 2 (or return it as HTTP 400 problem details).
/// </summary>
public sealed class ConfigException : Exception
{
    /// <summary>Wraps the errors found; there must be at least one.</summary>
    public ConfigException(IEnumerable<ConfigError> errors)
        : this(NonEmpty(errors), separator: '\n')
    {
    }

    public ConfigException()
    {
        Errors = [];
    }

    public ConfigException(string message)
        : base(message)
    {
        Errors = [];
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    private ConfigException(List<ConfigError> errors, char separator)
        : base(string.Join(separator, errors))
    {
        Errors = errors;
    }

    /// <summary>Every error, in the order found.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    /// <summary>Throws when <paramref name="errors"/> holds anything.</summary>
    public static void ThrowIfAny(IEnumerable<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var list = errors.ToList();
        if (list.Count > 0)
        {
            throw new ConfigException(list, '\n');
        }
    }

    private static List<ConfigError> NonEmpty(IEnumerable<ConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var list = errors.ToList();
        return list.Count == 0
            ? throw new ArgumentException("A ConfigException needs at least one error.", nameof(errors))
            : list;
    }
}
