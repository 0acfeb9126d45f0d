namespace Basis.Data.Stores;

/// <summary>What a store keeps about one run, apart from its artefacts.</summary>
/// <param name="RunId">The run's id (also its orchestration instance id).</param>
/// <param name="Kind">What was run: <c>backtest</c> or <c>sweep</c>.</param>
/// <param name="Status">Where the run is.</param>
/// <param name="RequestJson">The request as submitted, as JSON.</param>
/// <param name="CreatedUtc">When it was submitted.</param>
/// <param name="UpdatedUtc">When the record last changed.</param>
/// <param name="SummaryJson">The run's <c>summary.json</c> (a sweep's ranking) once completed.</param>
/// <param name="Error">Why it failed, for people.</param>
public sealed record RunRecord(
    string RunId,
    string Kind,
    RunStatus Status,
    string RequestJson,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc,
    string? SummaryJson = null,
    string? Error = null);
