namespace Basis.Core.Events;

/// <summary>A strategy decision to act, with the measurement that triggered it.</summary>
/// <param name="Time">Hour of the decision.</param>
/// <param name="Action">The standard action (<c>entry_full</c>, <c>entry_partial</c>, <c>exit_full</c>, <c>exit_partial</c>, <c>sell_dust</c>).</param>
/// <param name="Reason">The trigger, in words with the numbers.</param>
/// <param name="EquitySc">Equity in the share class at the decision.</param>
public sealed record RebalanceEvent(DateTime Time, string Action, string Reason, double EquitySc) : SimulationEvent(Time);
