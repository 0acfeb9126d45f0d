using Basis.Core.Instruments;

namespace Basis.Core.Simulation;

/// <summary>
/// Splits the move of every held position from hour h−1 to h into sources by changing one factor at a time,
/// in a fixed order: AAVE index (interest), LST rate (staking), a stressed depeg (price), then price. The factors multiply, so the
/// chained differences add up exactly to the change in value. Perps split their mark move into the move of
/// the spot reference (price) and of the perp–spot spread (basis).
/// </summary>
internal sealed class AttributionRevaluation(Portfolio portfolio, ValuationModel valuation, AttributionLedger attribution)
{
    public void Revalue(int h)
    {
        var usdtSc = valuation.ScPrice(Asset.Usdt);
        foreach (var instrument in valuation.Instruments)
        {
            var quantity = portfolio.Quantity(instrument);
            if (quantity == 0)
            {
                continue;
            }

            if (valuation.MarkOrNull(instrument) is { } mark)
            {
                var spot = valuation.UsdPrice(instrument.PricedIn);
                var markMove = quantity * (mark[h] - mark[h - 1]);
                var spotMove = quantity * (spot[h] - spot[h - 1]);
                attribution.Book(AttributionSource.Price, spotMove * usdtSc[h - 1]);
                attribution.Book(AttributionSource.Basis, (markMove - spotMove) * usdtSc[h - 1]);
                var unrealised = quantity * (mark[h] - portfolio.EntryPrice(instrument));
                attribution.Book(AttributionSource.Price, unrealised * (usdtSc[h] - usdtSc[h - 1]));
                continue;
            }

            var signed = instrument.IsDebt ? -quantity : quantity;
            var index = valuation.IndexOrNull(instrument);
            var rate = valuation.LstRateOrNull(instrument);
            var depeg = valuation.DepegOrNull(instrument);
            var price = valuation.PriceScOf(instrument);
            var indexBefore = index?[h - 1] ?? 1.0;
            var indexNow = index?[h] ?? 1.0;
            var rateBefore = rate?[h - 1] ?? 1.0;
            var rateNow = rate?[h] ?? 1.0;
            var depegBefore = depeg?[h - 1] ?? 1.0;
            var depegNow = depeg?[h] ?? 1.0;

            var interest = signed * (indexNow - indexBefore) * rateBefore * depegBefore * price[h - 1];
            attribution.Book(instrument.IsDebt ? AttributionSource.BorrowCost : AttributionSource.LendingYield, interest);
            attribution.Book(AttributionSource.StakingYield, signed * indexNow * (rateNow - rateBefore) * depegBefore * price[h - 1]);

            // A stressed depeg is a move of the LST's price against ETH, not staking yield.
            attribution.Book(AttributionSource.Price, signed * indexNow * rateNow * (((depegNow - depegBefore) * price[h - 1]) + (depegNow * (price[h] - price[h - 1]))));
        }
    }
}
