namespace Basis.Core.Events;

/// <summary>A risk measurement crossed a threshold.</summary>
/// <param name="Time">Hour of the alert.</param>
/// <param name="Metric">What was measured (<c>margin_ratio</c>, <c>health_factor</c>, <c>delta</c>).</param>
/// <param name="Subject">Which venue or position.</param>
/// <param name="Value">The measurement.</param>
/// <param name="Threshold">The threshold crossed.</param>
public sealed record RiskAlertEvent(DateTime Time, string Metric, string Subject, double Value, double Threshold) : SimulationEvent(Time);
