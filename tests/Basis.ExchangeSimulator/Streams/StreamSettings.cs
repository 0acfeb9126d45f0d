using System.Text.Json.Serialization;

namespace Basis.ExchangeSimulator.Streams;

/// <summary>How the simulator's WebSocket streams behave, as <c>POST /_sim/streams</c> sets them (snake_case JSON).</summary>
public sealed record StreamSettings
{
    /// <summary>Wall-clock interval between pushes of the current mark (Binance's <c>@markPrice@1s</c>: 1000).</summary>
    [JsonPropertyName("push_interval_ms")]
    public int PushIntervalMs { get; init; } = 1000;

    /// <summary>While true, open connections stay open but receive nothing (a silent server); events are not queued.</summary>
    [JsonPropertyName("silent")]
    public bool Silent { get; init; }
}
