using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Basis.Core.Events;

/// <summary>
/// Event lists as UTF-8 JSON for bytes that carry them (segments between activities, stored result packs), with a
/// source-generated serializer: reflection-based serialization was most of the cost of passing a segment. Named
/// floating-point literals are allowed, so an infinite health factor or margin ratio survives. This is not the
/// <c>events.jsonl</c> format (whose names are snake_case); it reads back exactly what it wrote.
/// </summary>
public static class SimulationEventJson
{
    /// <summary>The events as UTF-8 JSON.</summary>
    /// <param name="events">The events, in order.</param>
    public static byte[] ToUtf8Bytes(IReadOnlyList<SimulationEvent> events) =>
        JsonSerializer.SerializeToUtf8Bytes(events, SimulationEventJsonContext.Default.IReadOnlyListSimulationEvent);

    /// <summary>Writes the events as UTF-8 JSON to <paramref name="output"/> (a caller's pooled buffer), as <see cref="ToUtf8Bytes"/> returns them.</summary>
    /// <param name="output">Where the JSON goes.</param>
    /// <param name="events">The events, in order.</param>
    public static void Write(IBufferWriter<byte> output, IReadOnlyList<SimulationEvent> events)
    {
        using var writer = new Utf8JsonWriter(output);
        JsonSerializer.Serialize(writer, events, SimulationEventJsonContext.Default.IReadOnlyListSimulationEvent);
    }

    /// <summary>Reads events written by <see cref="ToUtf8Bytes"/>; throws <see cref="InvalidDataException"/> naming <paramref name="what"/> for anything else.</summary>
    /// <param name="utf8">The JSON.</param>
    /// <param name="what">What holds the events, for messages (<c>simulation segment</c>).</param>
    public static IReadOnlyList<SimulationEvent> FromUtf8Bytes(ReadOnlySpan<byte> utf8, string what)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8, SimulationEventJsonContext.Default.IReadOnlyListSimulationEvent)
                ?? throw new InvalidDataException($"The {what} has no event list.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"The {what}'s events are not an event list: {exception.Message}", exception);
        }
    }
}

/// <summary>The source-generated serializer behind <see cref="SimulationEventJson"/>.</summary>
[JsonSourceGenerationOptions(NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(IReadOnlyList<SimulationEvent>))]
internal sealed partial class SimulationEventJsonContext : JsonSerializerContext;
