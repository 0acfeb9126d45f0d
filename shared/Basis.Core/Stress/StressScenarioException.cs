namespace Basis.Core.Stress;

/// <summary>A shock that cannot apply to the run (outside its period, or naming something the run does not hold).</summary>
public sealed class StressScenarioException(string message) : Exception(message);
