using System.Text.Json;

namespace Basis.Orchestrations.Abstractions;

/// <summary>How inputs, outputs, results and event payloads are stored in history: System.Text.Json strings.</summary>
public static class JsonData
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Options);

    public static T? Deserialize<T>(string? json) => json is null ? default : JsonSerializer.Deserialize<T>(json, Options);
}
