namespace Basis.Core.Events;

/// <summary>
/// An all-or-nothing sequence of on-chain steps (flash loan → stake/swap → supply/withdraw → borrow/repay → repay
/// flash). An executed group is preceded by its step events; a rejected one leaves no trace but this event.
/// </summary>
/// <param name="Time">Hour of the group.</param>
/// <param name="Name">What the group does (<c>leverage_entry</c>, <c>relever</c>, <c>deleverage</c>, <c>unwind</c>).</param>
/// <param name="Status"><c>executed</c> or <c>rejected</c>.</param>
/// <param name="Reason">Why it ran, or why it was rejected.</param>
/// <param name="HealthFactorBefore">AAVE health factor before (null without debt).</param>
/// <param name="HealthFactorAfter">Health factor after, or what it would have been (null without debt).</param>
/// <param name="LtvAfter">Loan-to-value after, or what it would have been.</param>
/// <param name="GasEth">Gas paid for the whole group (0 when rejected).</param>
public sealed record AtomicGroupEvent(DateTime Time, string Name, string Status, string Reason, double? HealthFactorBefore, double? HealthFactorAfter, double LtvAfter, double GasEth) : SimulationEvent(Time);
