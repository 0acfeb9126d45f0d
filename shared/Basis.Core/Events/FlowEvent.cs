namespace Basis.Core.Events;

/// <summary>Capital deposited into or withdrawn from the strategy.</summary>
/// <param name="Time">Hour of the flow.</param>
/// <param name="Amount">Share-class units; positive deposits, negative withdrawals.</param>
/// <param name="FromFreeCash">Of a withdrawal, the part paid from idle funds (fast); the rest came from unwinding (slow).</param>
public sealed record FlowEvent(DateTime Time, double Amount, double FromFreeCash) : SimulationEvent(Time);
