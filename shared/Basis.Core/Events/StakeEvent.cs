namespace Basis.Core.Events;

/// <summary>ETH staked into an LST at the protocol (oracle) rate.</summary>
/// <param name="Time">Hour of the stake.</param>
/// <param name="Instrument">The LST position key.</param>
/// <param name="EthIn">ETH staked.</param>
/// <param name="UnitsOut">LST units minted: ETH ÷ rate.</param>
/// <param name="Rate">LST/ETH oracle rate.</param>
/// <param name="GasEth">Gas paid.</param>
/// <param name="Reason">Why.</param>
public sealed record StakeEvent(DateTime Time, string Instrument, double EthIn, double UnitsOut, double Rate, double GasEth, string Reason) : SimulationEvent(Time);
