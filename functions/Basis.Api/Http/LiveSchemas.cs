using System.Text.Json.Serialization;

namespace Basis.Api.Http;

// The live request bodies as the OpenAPI document describes them; LiveRequests reads them field by field (as
// ApiSchemas' records describe the backtest bodies), and a test posts every field of these to check that both agree.
// There is no field for a credential, and a body carrying one under any name is refused.

/// <summary>A new live instance.</summary>
public sealed record LiveCreateRequestBody(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("venues")] IReadOnlyList<string> Venues,
    [property: JsonPropertyName("capital")] double? Capital = null,
    [property: JsonPropertyName("share_class")] string? ShareClass = null,
    [property: JsonPropertyName("execution")] string? Execution = null,
    [property: JsonPropertyName("limits")] LiveLimitsBody? Limits = null);

/// <summary>An instance's own limits, each no looser than the host's <c>BASIS_LIVE_TRADING__*</c>.</summary>
public sealed record LiveLimitsBody(
    [property: JsonPropertyName("max_trade_size_usd")] decimal? MaxTradeSizeUsd = null,
    [property: JsonPropertyName("emergency_stop_loss_pct")] decimal? EmergencyStopLossPct = null,
    [property: JsonPropertyName("health_factor_floor")] decimal? HealthFactorFloor = null,
    [property: JsonPropertyName("margin_ratio_floor")] decimal? MarginRatioFloor = null);

/// <summary>A start; clearing a halt must be acknowledged.</summary>
public sealed record LiveStartRequestBody(
    [property: JsonPropertyName("acknowledge_halt")] bool? AcknowledgeHalt = null);

/// <summary>A deposit or withdrawal, in the instance's share-class units.</summary>
public sealed record LiveAmountRequestBody(
    [property: JsonPropertyName("amount")] decimal Amount);
