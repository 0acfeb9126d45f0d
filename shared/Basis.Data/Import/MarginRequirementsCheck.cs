using System.Globalization;
using System.Text.Json;

namespace Basis.Data.Import;

/// <summary>
/// The original's per-venue margin JSON files. Venue margin parameters are configuration (<c>configs/venues</c>),
/// so they are never imported; they are refused, rather than skipped, when they are visibly wrong: identical for
/// every venue, or a maintenance margin above the initial margin (a position would be liquidatable on opening).
/// </summary>
internal static class MarginRequirementsCheck
{
    public static void Run(ImportContext context, SourceFile file, ImportEntryBuilder entry)
    {
        var bytes = File.ReadAllBytes(file.FullPath);
        var folder = Path.GetDirectoryName(file.FullPath);
        var identical = context.Files
            .Where(f => f != file && Path.GetDirectoryName(f.FullPath) == folder && f.RelativePath.EndsWith("_margin_requirements.json", StringComparison.Ordinal))
            .Where(f => File.ReadAllBytes(f.FullPath).AsSpan().SequenceEqual(bytes))
            .Select(f => Path.GetFileName(f.RelativePath))
            .ToArray();

        var problems = new List<string>();
        if (identical.Length > 0)
        {
            problems.Add($"byte-for-byte identical to {string.Join(", ", identical)}, though venues' margin rules differ");
        }

        using var document = JsonDocument.Parse(bytes);
        if (TryNumber(document.RootElement, "initial_margin_requirement", out var initial) &&
            TryNumber(document.RootElement, "maintenance_margin_requirement", out var maintenance) &&
            maintenance > initial)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"inconsistent: maintenance margin {SourceValue.Format(maintenance)} is above initial margin {SourceValue.Format(initial)}, so a position would be liquidatable the moment it opens"));
        }

        const string Where = "venue margin parameters live in configs/venues";
        if (problems.Count > 0)
        {
            entry.Refuse($"{Where}; this file is {string.Join("; and ", problems)}");
        }
        else
        {
            entry.Skip($"{Where}; not imported");
        }
    }

    private static bool TryNumber(JsonElement root, string name, out double value)
    {
        value = 0;
        return root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var property) &&
               property.ValueKind == JsonValueKind.Number && property.TryGetDouble(out value);
    }
}
