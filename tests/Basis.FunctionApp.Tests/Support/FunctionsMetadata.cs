using System.Text.Json;

namespace Basis.FunctionApp.Tests.Support;

/// <summary>One binding of a function in <c>functions.metadata</c>.</summary>
internal sealed record FunctionBinding(string Name, string Type, string Direction, string? Route, IReadOnlyList<string> Methods, string? Schedule, string? AuthLevel);

/// <summary>One function in <c>functions.metadata</c>: its name, the method that runs it, its bindings.</summary>
internal sealed record FunctionEntry(string Name, string EntryPoint, IReadOnlyList<FunctionBinding> Bindings)
{
    /// <summary>The function's one trigger.</summary>
    public FunctionBinding Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));

    public bool Has(string bindingType) => Bindings.Any(b => b.Type == bindingType);
}

/// <summary>The <c>functions.metadata</c> the Worker SDK writes next to the built app: what the Functions host indexes.</summary>
internal static class FunctionsMetadata
{
    public static IReadOnlyList<FunctionEntry> Load(string appFolder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(appFolder, "functions.metadata")));
        return json.RootElement.EnumerateArray().Select(function => new FunctionEntry(
            function.GetProperty("name").GetString()!,
            function.GetProperty("entryPoint").GetString()!,
            function.GetProperty("bindings").EnumerateArray().Select(binding => new FunctionBinding(
                binding.GetProperty("name").GetString()!,
                binding.GetProperty("type").GetString()!,
                binding.GetProperty("direction").GetString()!,
                Text(binding, "route"),
                binding.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!).ToList() : [],
                Text(binding, "schedule"),
                Text(binding, "authLevel"))).ToList())).ToList();
    }

    private static string? Text(JsonElement element, string name) => element.TryGetProperty(name, out var value) ? value.GetString() : null;
}
