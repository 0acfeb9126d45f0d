using System.Text.Json;
using System.Text.Json.Serialization;

namespace Basis.Core.Market;

/// <summary>Writes a <see cref="SeriesId"/> as its text (<c>"spot/binance/BTCUSDT"</c>) and reads it back, validated.</summary>
public sealed class SeriesIdJsonConverter : JsonConverter<SeriesId>
{
    /// <inheritdoc />
    public override SeriesId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        SeriesId.TryParse(reader.GetString(), out var id, out var error) ? id : throw new JsonException(error);

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, SeriesId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Value);
    }
}
