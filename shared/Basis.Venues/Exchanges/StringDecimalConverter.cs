using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Basis.Venues.Exchanges;

/// <summary>
/// Reads numbers sent as strings, "" as 0: Bybit and OKX send "" where there is no value (a liquidation price of a
/// safe position, the average price of an unfilled order), and callers treat 0 as "none" there.
/// </summary>
internal sealed class StringDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
            return reader.GetDecimal();
        var text = reader.GetString();
        return string.IsNullOrEmpty(text) ? 0m : decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString(CultureInfo.InvariantCulture));
    }
}
