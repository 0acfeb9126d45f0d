using System.Text.Json;

namespace Basis.ExchangeSimulator;

/// <summary>A JSON object body read as request parameters, the way Bybit v5 and OKX v5 take their POST parameters.</summary>
internal static class JsonBodyParameters
{
    /// <summary>Adds each property of the object in <paramref name="body"/> (strings as they are, the rest as raw JSON); false when it is not a JSON object.</summary>
    public static bool TryRead(string body, Dictionary<string, string> parameters)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                parameters[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
