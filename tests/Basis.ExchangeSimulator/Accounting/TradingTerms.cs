namespace Basis.ExchangeSimulator.Accounting;

/// <summary>
/// A venue's fees (fractions of notional; perpetual and spot), maintenance margin rate and the simulator's
/// market-order slippage.
/// </summary>
public sealed record TradingTerms(
    decimal MakerFee, decimal TakerFee, decimal MaintenanceMarginRate, decimal SlippageFraction, decimal SpotMakerFee = 0m, decimal SpotTakerFee = 0m)
{
    public (decimal Maker, decimal Taker) Fees(Product product) =>
        product is Product.Spot ? (SpotMakerFee, SpotTakerFee) : (MakerFee, TakerFee);
}
