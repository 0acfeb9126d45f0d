namespace Basis.Core.Events;

/// <summary>A withdrawal refused because it asked for more than the equity at its hour; nothing was paid out.</summary>
/// <param name="Time">Hour of the flow.</param>
/// <param name="Amount">The withdrawal asked for, in share-class units (negative).</param>
/// <param name="EquitySc">The equity at that hour, before the flow.</param>
/// <param name="Reason">Why, with the figures.</param>
public sealed record FlowRefusedEvent(DateTime Time, double Amount, double EquitySc, string Reason) : SimulationEvent(Time);
