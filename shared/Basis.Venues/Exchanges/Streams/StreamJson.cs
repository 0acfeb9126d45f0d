using System.Globalization;
using System.Text.Json;

namespace Basis.Venues.Exchanges.Streams;

/// <summary>Reading the venues' stream messages, which carry numbers as strings.</summary>
internal static class StreamJson
{
    /// <summary>The named string property as a number; null when it is absent or empty (how the venues say "none").</summary>
    public static decimal? Decimal(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.GetString() is { Length: > 0 } text
            ? decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)
            : null;
}
