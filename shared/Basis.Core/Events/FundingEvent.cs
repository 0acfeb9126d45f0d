namespace Basis.Core.Events;

/// <summary>Funding settled on a perp position at a funding time found in the data.</summary>
/// <param name="Time">Hour the funding applied to.</param>
/// <param name="Instrument">The perp position key.</param>
/// <param name="Rate">Funding rate for the interval.</param>
/// <param name="Size">Signed position size.</param>
/// <param name="Mark">Mark price.</param>
/// <param name="PaymentUsdt">Paid to the account: −size × mark × rate.</param>
public sealed record FundingEvent(DateTime Time, string Instrument, double Rate, double Size, double Mark, double PaymentUsdt) : SimulationEvent(Time);
