namespace Basis.Orchestrations.Live;

/// <summary>What a live cycle did.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Ran">Whether the strategy ran (false when the instance is not active, or a safety limit held it).</param>
/// <param name="Detail">What happened, in words.</param>
/// <param name="Hours">Hours simulated.</param>
/// <param name="EquitySc">Equity in the share class after the cycle, when it ran any hour.</param>
public sealed record LiveCycleResult(string InstanceId, bool Ran, string Detail, int Hours = 0, double? EquitySc = null);
