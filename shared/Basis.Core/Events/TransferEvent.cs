namespace Basis.Core.Events;

/// <summary>A token moved between the wallet and exchanges.</summary>
/// <param name="Time">Hour of the transfer.</param>
/// <param name="From">Source balance key.</param>
/// <param name="To">Destination balance key.</param>
/// <param name="Amount">Units arriving at the destination.</param>
/// <param name="Fee">Withdrawal fee charged by the source exchange, in the token.</param>
/// <param name="GasEth">Gas paid from the wallet for an on-chain send.</param>
/// <param name="Reason">Why.</param>
public sealed record TransferEvent(DateTime Time, string From, string To, double Amount, double Fee, double GasEth, string Reason) : SimulationEvent(Time);
