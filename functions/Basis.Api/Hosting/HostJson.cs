using System.Text.Json;
using Basis.Configuration;
using Microsoft.Extensions.Logging;

namespace Basis.Api.Hosting;

/// <summary>
/// The parts of Azure Functions' <c>host.json</c> the self-hosted server honours too, so one file configures both
/// hosts: <c>extensions.http.routePrefix</c> (default <c>api</c>), <c>logging.logLevel.default</c> (default
/// <c>Information</c>) and the <c>extensions.durableTask</c> settings in <see cref="DurableTaskHostJson"/>.
/// </summary>
public sealed record HostJson(string RoutePrefix, LogLevel LogLevel, DurableTaskHostJson DurableTask)
{
    public static HostJson Default { get; } = new("api", LogLevel.Information, new DurableTaskHostJson(null, null, null, null));

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
            var prefix = Text(root, path, "extensions", "http", "routePrefix") ?? Default.RoutePrefix;
            var level = Text(root, path, "logging", "logLevel", "default") is { } text ? ParseLevel(text, path) : Default.LogLevel;
            var durable = new DurableTaskHostJson(
                Text(root, path, "extensions", "durableTask", "hubName"),
                Number(root, path, 1, 16, "extensions", "durableTask", "storageProvider", "partitionCount"),
                Number(root, path, 1, 1000, "extensions", "durableTask", "maxConcurrentActivityFunctions"),
                Number(root, path, 1, 1000, "extensions", "durableTask", "maxConcurrentOrchestratorFunctions"));
            return new HostJson(prefix.Trim('/'), level, durable);
        }
        catch (JsonException e)
        {
            throw new ConfigException([new ConfigError(ConfigSource.InFile(path), string.Empty, $"not valid JSON ({e.Message})")]);
        }
    }

    private static JsonElement? Find(JsonElement element, params string[] keys)
    {
        foreach (var name in keys)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element;
    }

    private static string? Text(JsonElement root, string path, params string[] keys) => Find(root, keys) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        _ => throw Invalid(path, keys, "must be a string"),
    };

    private static int? Number(JsonElement root, string path, int min, int max, params string[] keys) => Find(root, keys) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } value when value.TryGetInt32(out var n) && n >= min && n <= max => n,
        _ => throw Invalid(path, keys, $"must be a whole number from {min} to {max}"),
    };

    private static ConfigException Invalid(string path, string[] keys, string message) =>
        new([new ConfigError(ConfigSource.InFile(path), string.Join('.', keys), message)]);

    /// <summary>Functions' level names (Trace, Debug, Information, Warning, Error, Critical, None).</summary>
    private static LogLevel ParseLevel(string text, string path) => text.ToUpperInvariant() switch
    {
        "TRACE" => LogLevel.Trace,
        "DEBUG" => LogLevel.Debug,
        "INFORMATION" => LogLevel.Information,
        "WARNING" => LogLevel.Warning,
        "ERROR" => LogLevel.Error,
        "CRITICAL" => LogLevel.Critical,
        "NONE" => LogLevel.None,
        _ => throw new ConfigException([new ConfigError(ConfigSource.InFile(path), "logging.logLevel.default", $"'{text}' is not one of Trace, Debug, Information, Warning, Error, Critical, None")]),
    };
}

/// <summary>
/// host.json's <c>extensions.durableTask</c> settings the self-hosted engine takes too (null when absent): the task hub,
/// the Azure Storage partition count and the per-process concurrency limits.
/// </summary>
public sealed record DurableTaskHostJson(string? HubName, int? PartitionCount, int? MaxConcurrentActivities, int? MaxConcurrentOrchestrations);
