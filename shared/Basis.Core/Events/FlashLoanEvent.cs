namespace Basis.Core.Events;

/// <summary>A flash loan taken or repaid inside an atomic group.</summary>
/// <param name="Time">Hour of the group.</param>
/// <param name="Step"><c>borrow</c> or <c>repay</c>.</param>
/// <param name="AmountEth">WETH borrowed or repaid (the repayment includes the fee).</param>
/// <param name="FeeEth">The flash-loan fee (on repayment).</param>
public sealed record FlashLoanEvent(DateTime Time, string Step, double AmountEth, double FeeEth) : SimulationEvent(Time);
