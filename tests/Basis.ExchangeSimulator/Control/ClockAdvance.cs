using System.Text.Json.Serialization;

namespace Basis.ExchangeSimulator.Control;

/// <summary>Body of <c>POST /_sim/clock</c>.</summary>
internal sealed record ClockAdvance([property: JsonPropertyName("advance_hours")] int AdvanceHours);
