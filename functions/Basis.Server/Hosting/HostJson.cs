using System.Text.Json;
using Basis.Configuration;

namespace Basis.Server.Hosting;

/// <summary>
/// The parts of Azure Functions' <c>host.json</c> this host honours: <c>extensions.http.routePrefix</c> (default
/// <c>api</c>) and <c>logging.logLevel.default</c> (default <c>Information</c>).
/// </summary>
internal sealed record HostJson(string RoutePrefix, Serilog.Events.LogEventLevel LogLevel)
{
    public static HostJson Default { get; } = new("api", Serilog.Events.LogEventLevel.Information);

    /// <summary>Reads <paramref name="path"/>; a missing file gives the defaults, a malformed one an error naming it.</summary>
    public static HostJson Load(string path)
    {
        if (!File.Exists(path))
        {
            return Default;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            var root = document.RootElement;
            var prefix = Find(root, "extensions", "http", "routePrefix")?.GetString() ?? Default.RoutePrefix;
            var level = Find(root, "logging", "logLevel", "default")?.GetString() is { } text ? ParseLevel(text, path) : Default.LogLevel;
            return new HostJson(prefix.Trim('/'), level);
        }
        catch (JsonException e)
        {
            throw new ConfigException([new ConfigError(ConfigSource.InFile(path), string.Empty, $"not valid JSON ({e.Message})")]);
        }
    }

    private static JsonElement? Find(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element;
    }

    /// <summary>Functions' level names (Trace, Debug, Information, Warning, Error, Critical, None) as Serilog levels.</summary>
    private static Serilog.Events.LogEventLevel ParseLevel(string text, string path) => text.ToUpperInvariant() switch
    {
        "TRACE" => Serilog.Events.LogEventLevel.Verbose,
        "DEBUG" => Serilog.Events.LogEventLevel.Debug,
        "INFORMATION" => Serilog.Events.LogEventLevel.Information,
        "WARNING" => Serilog.Events.LogEventLevel.Warning,
        "ERROR" => Serilog.Events.LogEventLevel.Error,
        "CRITICAL" or "NONE" => Serilog.Events.LogEventLevel.Fatal,
        _ => throw new ConfigException([new ConfigError(ConfigSource.InFile(path), "logging.logLevel.default", $"'{text}' is not one of Trace, Debug, Information, Warning, Error, Critical, None")]),
    };
}
