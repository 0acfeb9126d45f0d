using System.Text;
using System.Text.Json;

namespace Basis.Configuration.Environments;

/// <summary>
/// Reads the Azure Functions <c>local.settings.json</c> (<c>{"IsEncrypted": false, "Values": {"NAME": "value"}}</c>)
/// into the same <see cref="SettingsDictionary"/> shape as env files, with <c>file:line</c> sources.
/// </summary>
/// <remarks>
/// Only <c>Values</c> is read; <c>Host</c> and <c>ConnectionStrings</c> are allowed and ignored, and any other
/// top-level key is an error (with a suggestion) because it is most likely a misspelt <c>Values</c>. Values must
/// be JSON strings, as the Functions host requires. Encrypted files (<c>IsEncrypted: true</c>) are refused: they
/// are decrypted with a machine key this code does not have. Comments and trailing commas are tolerated, as the
/// Functions tooling tolerates them. Errors never include a value.
/// </remarks>
public static class LocalSettingsFile
{
    private static readonly string[] TopLevelKeys = ["IsEncrypted", "Values", "Host", "ConnectionStrings"];

    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    /// <exception cref="ConfigException">The file is missing, not JSON, encrypted or not in the expected shape.</exception>
    public static SettingsDictionary Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var problem = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file ({ex.Message})";
            throw new ConfigException([new ConfigError(ConfigSource.InFile(path), string.Empty, problem)]);
        }

        return Parse(bytes, path);
    }

    /// <summary>Parses JSON text; <paramref name="origin"/> stands in for the path in sources.</summary>
    /// <exception cref="ConfigException">The text is not JSON, is encrypted or is not in the expected shape.</exception>
    public static SettingsDictionary Parse(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(Encoding.UTF8.GetBytes(json), origin);
    }

    private static SettingsDictionary Parse(byte[] utf8, string origin)
    {
        ArgumentException.ThrowIfNullOrEmpty(origin);
        var errors = new List<ConfigError>();
        var settings = new List<(string, string, ConfigSource)>();
        var lines = new LineIndex(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            ReadRoot(ref reader, origin, lines, settings, errors);
        }
        catch (JsonException ex)
        {
            // The reader's message ends with its own "LineNumber: … | BytePositionInLine: …"; the source says that already.
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            var line = ex.LineNumber is { } zeroBased ? checked((int)zeroBased) + 1 : 0;
            errors.Add(new ConfigError(ConfigSource.InFile(origin, line), string.Empty, $"not valid JSON: {(cut > 0 ? message[..cut] : message)}"));
        }

        ConfigException.ThrowIfAny(errors);
        return SettingsDictionary.FromSettings(settings);
    }

    private static void ReadRoot(
        ref Utf8JsonReader reader,
        string origin,
        LineIndex lines,
        List<(string, string, ConfigSource)> settings,
        List<ConfigError> errors)
    {
        reader.Read();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add(new ConfigError(At(origin, lines, reader), string.Empty, "expected a JSON object like {\"IsEncrypted\": false, \"Values\": {...}}"));
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            var keySource = At(origin, lines, reader);
            reader.Read();
            switch (key)
            {
                case "IsEncrypted":
                    if (reader.TokenType == JsonTokenType.True)
                    {
                        errors.Add(new ConfigError(keySource, key, "encrypted settings are not supported; run 'func settings decrypt' or set IsEncrypted to false"));
                    }
                    else if (reader.TokenType != JsonTokenType.False)
                    {
                        errors.Add(new ConfigError(keySource, key, "expected true or false"));
                        reader.Skip();
                    }

                    break;
                case "Values":
                    ReadValues(ref reader, origin, lines, keySource, settings, errors);
                    break;
                case "Host" or "ConnectionStrings":
                    reader.Skip();
                    break;
                default:
                    errors.Add(new ConfigError(keySource, key, KeySuggestion.UnknownKeyMessage(key, TopLevelKeys)));
                    reader.Skip();
                    break;
            }
        }
    }

    private static void ReadValues(
        ref Utf8JsonReader reader,
        string origin,
        LineIndex lines,
        ConfigSource valuesSource,
        List<(string, string, ConfigSource)> settings,
        List<ConfigError> errors)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            errors.Add(new ConfigError(valuesSource, "Values", "expected an object of \"NAME\": \"value\" pairs"));
            reader.Skip();
            return;
        }

        var firstLine = new Dictionary<string, ConfigSource>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var source = At(origin, lines, reader);
            var path = $"Values.{name}";
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                errors.Add(new ConfigError(source, path, "must be a JSON string (the Functions host requires quoted values, e.g. \"7071\")"));
                reader.Skip();
                continue;
            }

            if (name.Length == 0)
            {
                errors.Add(new ConfigError(source, path, "a setting name must not be empty"));
                continue;
            }

            if (!firstLine.TryAdd(name, source))
            {
                errors.Add(new ConfigError(source, path, $"set twice (first at line {firstLine[name].Line})"));
                continue;
            }

            settings.Add((name, reader.GetString()!, source));
        }
    }

    private static ConfigSource At(string origin, LineIndex lines, in Utf8JsonReader reader) =>
        ConfigSource.InFile(origin, lines.LineOf(reader.TokenStartIndex));

    /// <summary>Maps byte offsets to 1-based lines; Utf8JsonReader only reports positions when it fails.</summary>
    private sealed class LineIndex
    {
        private readonly List<long> _lineStarts = [0];

        public LineIndex(byte[] utf8)
        {
            for (var i = 0; i < utf8.Length; i++)
            {
                if (utf8[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public int LineOf(long offset)
        {
            var index = _lineStarts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
