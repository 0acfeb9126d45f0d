namespace Basis.Orchestrations.Live;

/// <summary>What a paper cycle did.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="NextHourUtc">The first hour not yet simulated after the cycle.</param>
/// <param name="Hours">Hours simulated by this cycle (0 when the instance was already up to date).</param>
/// <param name="EquitySc">Equity in the share class at the last hour simulated, or null when none was.</param>
/// <param name="GateInterventions">Intents the safety gate split, refused or withheld.</param>
/// <param name="StopLoss">Why the emergency stop loss unwound the instance, when it did (the cycle stopped at that hour).</param>
/// <param name="Refusal">Why a real instance's venue side refused an hour, when it did (the cycle stopped before it).</param>
public sealed record PaperCycleOutcome(string InstanceId, DateTime NextHourUtc, int Hours, double? EquitySc, int GateInterventions, string? StopLoss = null, string? Refusal = null);
