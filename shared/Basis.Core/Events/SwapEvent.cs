namespace Basis.Core.Events;

/// <summary>A DEX swap.</summary>
/// <param name="Time">Hour of the swap.</param>
/// <param name="From">Balance key sold.</param>
/// <param name="To">Balance key bought.</param>
/// <param name="AmountIn">Units sold.</param>
/// <param name="AmountOut">Units received after pool fee and slippage.</param>
/// <param name="FeeUsd">Pool fee paid.</param>
/// <param name="SlippageUsd">Slippage paid.</param>
/// <param name="GasEth">Gas paid.</param>
/// <param name="Reason">Why.</param>
public sealed record SwapEvent(DateTime Time, string From, string To, double AmountIn, double AmountOut, double FeeUsd, double SlippageUsd, double GasEth, string Reason) : SimulationEvent(Time);
