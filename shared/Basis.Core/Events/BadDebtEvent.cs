namespace Basis.Core.Events;

/// <summary>AAVE debt left without collateral after a liquidation, written off by the protocol (non-recourse).</summary>
/// <param name="Time">Hour of the liquidation.</param>
/// <param name="Instrument">The debt position written off.</param>
/// <param name="Amount">Underlying units of debt written off.</param>
/// <param name="ValueUsd">Their value at the hour's prices.</param>
public sealed record BadDebtEvent(DateTime Time, string Instrument, double Amount, double ValueUsd) : SimulationEvent(Time);
