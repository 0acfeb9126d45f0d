using System.Text.Json;
using System.Text.Json.Serialization;

namespace Basis.Api.Http;

// The bodies /api/v1/strategies answers with, typed so that the OpenAPI document (and the dashboard's generated types) describe them.

/// <summary>Every mode, and how many.</summary>
public sealed record StrategyListResponse(
    [property: JsonPropertyName("strategies")] IReadOnlyList<StrategyResponse> Strategies,
    [property: JsonPropertyName("total")] int Total);

/// <summary>A mode: its canonical name, aliases, share class, family, whether it is built, and one line on what it does.</summary>
public sealed record StrategyResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("aliases")] IReadOnlyList<string> Aliases,
    [property: JsonPropertyName("share_class")] string ShareClass,
    [property: JsonPropertyName("family")] string? Family,
    [property: JsonPropertyName("implemented")] bool Implemented,
    [property: JsonPropertyName("description")] string Description);

/// <summary>
/// A mode's merged configuration: the tree as the files hold it (scalars as text, secrets hidden), its hash, and the
/// strategy's settings with the type and bounds each value is checked against.
/// </summary>
public sealed record StrategyConfigResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("config_hash")] string ConfigHash,
    [property: JsonPropertyName("config")] JsonElement Config,
    [property: JsonPropertyName("parameters")] IReadOnlyList<ParameterResponse> Parameters);

/// <summary>
/// A strategy setting: its dotted key, its type (<c>number</c>, <c>integer</c>, <c>boolean</c>, <c>choice</c>, …), its
/// inclusive bounds (null for none), and a choice's members as the files write them (null for other types).
/// </summary>
public sealed record ParameterResponse(
    [property: JsonPropertyName("key")] string Key,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("min")] double? Min,
    [property: JsonPropertyName("max")] double? Max,
    [property: JsonPropertyName("choices")] IReadOnlyList<string>? Choices);

/// <summary>
/// The period the data covers for every series a mode reads hour by hour (<c>start</c> inclusive, <c>end</c>
/// exclusive, null when a series has no data), the venues those series come from, and each series' own period.
/// </summary>
public sealed record StrategyCoverageResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("start")] string? Start,
    [property: JsonPropertyName("end")] string? End,
    [property: JsonPropertyName("venues")] IReadOnlyList<string> Venues,
    [property: JsonPropertyName("series")] IReadOnlyList<SeriesCoverageResponse> Series);

/// <summary>One series (or its fallbacks): its first month and the end of its last, null without data.</summary>
public sealed record SeriesCoverageResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("start")] string? Start,
    [property: JsonPropertyName("end")] string? End);

/// <summary>The lending benchmarks a mode's run is measured against (besides holding its share class's asset).</summary>
public sealed record StrategyBenchmarkResponse(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("share_class")] string ShareClass,
    [property: JsonPropertyName("benchmarks")] IReadOnlyList<LendingBenchmarkResponse> Benchmarks);

/// <summary>
/// One lending benchmark: <c>growth</c> is what one unit of the share class's asset put in at the first of
/// <c>time</c> (Unix seconds, hourly) is worth at each, in that asset; empty where the data holds none of <c>series</c>.
/// </summary>
public sealed record LendingBenchmarkResponse(
    [property: JsonPropertyName("benchmark")] string Benchmark,
    [property: JsonPropertyName("series")] string Series,
    [property: JsonPropertyName("time")] IReadOnlyList<long> Time,
    [property: JsonPropertyName("growth")] IReadOnlyList<double> Growth);
