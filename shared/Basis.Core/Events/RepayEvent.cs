namespace Basis.Core.Events;

/// <summary>AAVE debt repaid.</summary>
/// <param name="Time">Hour of the repayment.</param>
/// <param name="Instrument">The debt-token position key.</param>
/// <param name="Amount">Underlying units repaid.</param>
/// <param name="ScaledAmount">Scaled debt burnt.</param>
/// <param name="BorrowIndex">Index at the time.</param>
/// <param name="GasEth">Gas paid (0 inside an atomic group).</param>
/// <param name="Reason">Why.</param>
public sealed record RepayEvent(DateTime Time, string Instrument, double Amount, double ScaledAmount, double BorrowIndex, double GasEth, string Reason) : SimulationEvent(Time);
