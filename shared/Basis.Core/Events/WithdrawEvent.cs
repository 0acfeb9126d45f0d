namespace Basis.Core.Events;

/// <summary>Tokens withdrawn from AAVE.</summary>
/// <param name="Time">Hour of the withdrawal.</param>
/// <param name="Instrument">The aToken position key.</param>
/// <param name="Amount">Underlying units withdrawn.</param>
/// <param name="ScaledAmount">Scaled balance burnt: amount ÷ liquidity index.</param>
/// <param name="LiquidityIndex">Index at the time.</param>
/// <param name="GasEth">Gas paid (0 inside an atomic group, which pays once).</param>
/// <param name="Reason">Why.</param>
public sealed record WithdrawEvent(DateTime Time, string Instrument, double Amount, double ScaledAmount, double LiquidityIndex, double GasEth, string Reason) : SimulationEvent(Time);
