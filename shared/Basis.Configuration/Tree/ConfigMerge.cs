namespace Basis.Configuration.Tree;

/// <summary>
/// Deep merge of configuration layers (mode ← share class ← venues ← overrides). Mappings merge key by key;
/// a sequence or scalar in the overlay replaces the base value whole; every node in the result keeps the source
/// of the layer it came from.
/// </summary>
/// <remarks>
/// A null (<c>~</c>) in the overlay <em>sets</em> the value to null; it does not delete the key. Readers treat a
/// null optional value as absent (so <c>~</c> restores an optional key's default) and a null required value as
/// an error naming the overlay that nulled it, which is easier to trace than a key that silently disappeared.
/// </remarks>
public static class ConfigMerge
{
    /// <summary>
    /// Merges <paramref name="overlay"/> onto <paramref name="baseNode"/>. Keys keep the base's order, with keys new
    /// in the overlay appended in the overlay's order. A merged mapping keeps the base mapping's source.
    /// </summary>
    public static ConfigNode Merge(ConfigNode baseNode, ConfigNode overlay)
    {
        ArgumentNullException.ThrowIfNull(baseNode);
        ArgumentNullException.ThrowIfNull(overlay);
        if (baseNode is not ConfigMapping baseMapping || overlay is not ConfigMapping overlayMapping)
        {
            return overlay;
        }

        var merged = new List<ConfigEntry>(baseMapping.Count + overlayMapping.Count);
        foreach (var entry in baseMapping.Entries)
        {
            merged.Add(overlayMapping.TryGetEntry(entry.Key, out var over)
                ? over with { Value = Merge(entry.Value, over.Value) }
                : entry);
        }

        foreach (var entry in overlayMapping.Entries)
        {
            if (!baseMapping.ContainsKey(entry.Key))
            {
                merged.Add(entry);
            }
        }

        return new ConfigMapping(merged, baseMapping.Source);
    }

    /// <summary>Merges layers from lowest to highest precedence; there must be at least one.</summary>
    public static ConfigNode MergeAll(IEnumerable<ConfigNode> layers)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ConfigNode? result = null;
        foreach (var layer in layers)
        {
            result = result is null ? layer : Merge(result, layer);
        }

        return result ?? throw new ArgumentException("MergeAll needs at least one layer.", nameof(layers));
    }
}
