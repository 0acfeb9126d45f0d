using System.Text.Json;
using System.Text.Json.Serialization;

namespace Basis.Api.Http;

// The request bodies as the OpenAPI document describes them. The API reads bodies field by field (ApiRequests), to
// name every bad field at once; these records only give the document real schemas, and a test posts a body with every
// one of their fields to check that the two agree.

/// <summary>A backtest request (the original API's field names).</summary>
public sealed record BacktestRequestBody(
    [property: JsonPropertyName("strategy_name")] string StrategyName,
    [property: JsonPropertyName("start_date")] DateTimeOffset StartDate,
    [property: JsonPropertyName("end_date")] DateTimeOffset EndDate,
    [property: JsonPropertyName("initial_capital")] double? InitialCapital = null,
    [property: JsonPropertyName("share_class")] string? ShareClass = null,
    [property: JsonPropertyName("config_overrides")] IReadOnlyDictionary<string, JsonElement>? ConfigOverrides = null,
    [property: JsonPropertyName("capital_flows")] IReadOnlyList<CapitalFlowBody>? CapitalFlows = null,
    [property: JsonPropertyName("stress")] IReadOnlyList<string>? Stress = null);

/// <summary>A deposit (positive) or withdrawal during a run.</summary>
public sealed record CapitalFlowBody(
    [property: JsonPropertyName("time")] DateTimeOffset Time,
    [property: JsonPropertyName("amount")] double Amount);

/// <summary>A sweep request: the backtest fields every run shares, the grid, and how to rank.</summary>
public sealed record SweepRequestBody(
    [property: JsonPropertyName("strategy_name")] string? StrategyName,
    [property: JsonPropertyName("start_date")] DateTimeOffset? StartDate,
    [property: JsonPropertyName("end_date")] DateTimeOffset? EndDate,
    [property: JsonPropertyName("initial_capital")] double? InitialCapital = null,
    [property: JsonPropertyName("share_class")] string? ShareClass = null,
    [property: JsonPropertyName("config_overrides")] IReadOnlyDictionary<string, JsonElement>? ConfigOverrides = null,
    [property: JsonPropertyName("capital_flows")] IReadOnlyList<CapitalFlowBody>? CapitalFlows = null,
    [property: JsonPropertyName("stress")] IReadOnlyList<string>? Stress = null,
    [property: JsonPropertyName("grid")] IReadOnlyDictionary<string, IReadOnlyList<JsonElement>>? Grid = null,
    [property: JsonPropertyName("modes")] IReadOnlyList<string>? Modes = null,
    [property: JsonPropertyName("periods")] IReadOnlyList<SweepPeriodBody>? Periods = null,
    [property: JsonPropertyName("rank_by")] string? RankBy = null,
    [property: JsonPropertyName("ascending")] bool? Ascending = null);

/// <summary>A period of a sweep.</summary>
public sealed record SweepPeriodBody(
    [property: JsonPropertyName("start_date")] DateTimeOffset StartDate,
    [property: JsonPropertyName("end_date")] DateTimeOffset EndDate);
