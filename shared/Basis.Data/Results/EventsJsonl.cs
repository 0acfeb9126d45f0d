using System.Text.Json;
using Basis.Core.Events;

namespace Basis.Data.Results;

/// <summary>
/// Writes <c>events.jsonl</c>: each event serialized with the result JSON conventions (<see cref="ResultJson.Compact"/>)
/// by one <see cref="Utf8JsonWriter"/> into one buffer, rather than a string per event re-encoded by a stream writer.
/// </summary>
internal static class EventsJsonl
{
    public static byte[] Write(IReadOnlyList<SimulationEvent> events)
    {
        // A trade or a funding payment is 150–300 bytes.
        using var output = new PooledBufferWriter(checked(256 + (events.Count * 256)));
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = ResultJson.Compact.Encoder, Indented = false });
        foreach (var simulationEvent in events)
        {
            JsonSerializer.Serialize(writer, simulationEvent, ResultJson.Compact);
            writer.Flush();
            output.Write("\n"u8);

            // Each line is a JSON document of its own.
            writer.Reset();
        }

        return output.ToArray();
    }
}
