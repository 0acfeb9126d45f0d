using System.Text.Json.Serialization;

namespace Basis.ExchangeSimulator.Faults;

/// <summary>The faults in force, as <c>POST /_sim/faults</c> sets them (snake_case JSON); counts go down as faults fire.</summary>
public sealed record FaultSettings
{
    /// <summary>Delay added before every venue request.</summary>
    [JsonPropertyName("latency_ms")]
    public int LatencyMs { get; init; }

    /// <summary>The next N venue requests have their connection aborted without a response.</summary>
    [JsonPropertyName("drop_next")]
    public int DropNext { get; init; }

    /// <summary>The next N venue requests get 429 with <c>Retry-After</c>.</summary>
    [JsonPropertyName("rate_limit_next")]
    public int RateLimitNext { get; init; }

    [JsonPropertyName("retry_after_seconds")]
    public int RetryAfterSeconds { get; init; } = 1;

    /// <summary>The next N venue requests get 418 (the IP ban that follows ignored 429s).</summary>
    [JsonPropertyName("ban_next")]
    public int BanNext { get; init; }

    /// <summary>The next N venue requests get <see cref="ServerErrorStatus"/>.</summary>
    [JsonPropertyName("server_error_next")]
    public int ServerErrorNext { get; init; }

    [JsonPropertyName("server_error_status")]
    public int ServerErrorStatus { get; init; } = 503;

    /// <summary>Below 1, market orders fill only this fraction of their quantity (rounded down to the step) and stay PARTIALLY_FILLED.</summary>
    [JsonPropertyName("partial_fill_fraction")]
    public decimal PartialFillFraction { get; init; } = 1m;
}
