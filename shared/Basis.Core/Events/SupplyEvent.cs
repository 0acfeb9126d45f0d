namespace Basis.Core.Events;

/// <summary>Tokens supplied to AAVE.</summary>
/// <param name="Time">Hour of the supply.</param>
/// <param name="Instrument">The aToken position key.</param>
/// <param name="Amount">Underlying units supplied.</param>
/// <param name="ScaledAmount">Scaled balance minted: amount ÷ liquidity index.</param>
/// <param name="LiquidityIndex">Index at the time.</param>
/// <param name="GasEth">Gas paid.</param>
/// <param name="Reason">Why.</param>
public sealed record SupplyEvent(DateTime Time, string Instrument, double Amount, double ScaledAmount, double LiquidityIndex, double GasEth, string Reason) : SimulationEvent(Time);
