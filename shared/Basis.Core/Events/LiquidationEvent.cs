namespace Basis.Core.Events;

/// <summary>A position liquidated by its venue.</summary>
/// <param name="Time">Hour of the liquidation.</param>
/// <param name="Instrument">The position liquidated.</param>
/// <param name="Size">Size closed (signed, as held).</param>
/// <param name="Price">Price it was closed at.</param>
/// <param name="MarginRatio">Margin ratio (or health factor) that triggered it.</param>
/// <param name="PenaltyUsd">Loss from the liquidation itself (fee or bonus).</param>
public sealed record LiquidationEvent(DateTime Time, string Instrument, double Size, double Price, double MarginRatio, double PenaltyUsd) : SimulationEvent(Time);
