namespace Basis.Core.Events;

/// <summary>A variable-rate borrow from AAVE.</summary>
/// <param name="Time">Hour of the borrow.</param>
/// <param name="Instrument">The debt-token position key.</param>
/// <param name="Amount">Underlying units borrowed.</param>
/// <param name="ScaledAmount">Scaled debt minted: amount ÷ borrow index.</param>
/// <param name="BorrowIndex">Index at the time.</param>
/// <param name="GasEth">Gas paid (0 inside an atomic group).</param>
/// <param name="Reason">Why.</param>
public sealed record BorrowEvent(DateTime Time, string Instrument, double Amount, double ScaledAmount, double BorrowIndex, double GasEth, string Reason) : SimulationEvent(Time);
