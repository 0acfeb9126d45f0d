namespace Basis.Core.Events;

/// <summary>A spot or perp fill on an exchange.</summary>
/// <param name="Time">Hour of the fill.</param>
/// <param name="Instrument">Position key traded (spot balance or perp).</param>
/// <param name="Side"><c>buy</c> or <c>sell</c>.</param>
/// <param name="Quantity">Base units, positive.</param>
/// <param name="Price">Fill price in USDT (mark for perps, spot reference for spot).</param>
/// <param name="NotionalUsd">Quantity × price.</param>
/// <param name="FeeUsd">Exchange fee paid.</param>
/// <param name="SlippageUsd">Spread and impact paid.</param>
/// <param name="RealisedPnlUsd">P&amp;L realised by reducing a perp position.</param>
/// <param name="Reason">Why the strategy traded.</param>
public sealed record TradeEvent(
    DateTime Time,
    string Instrument,
    string Side,
    double Quantity,
    double Price,
    double NotionalUsd,
    double FeeUsd,
    double SlippageUsd,
    double RealisedPnlUsd,
    string Reason) : SimulationEvent(Time);
