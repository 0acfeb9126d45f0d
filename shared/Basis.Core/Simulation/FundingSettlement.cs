using Basis.Core.Accounting;
using Basis.Core.Events;
using Basis.Core.Instruments;

namespace Basis.Core.Simulation;

/// <summary>
/// Pays perp funding at each hour the data has a rate for the venue (DESIGN §4: never hard-coded times), credited to or
/// debited from the venue's USDT and valued at the previous hour's prices, as the hour's other settlements are.
/// </summary>
internal sealed class FundingSettlement(DeskLedger desk, Instrument[] perps)
{
    public void Settle(int h)
    {
        var valuation = desk.Valuation;
        foreach (var perp in perps)
        {
            var size = desk.Portfolio.Quantity(perp);
            var rate = valuation.Funding(perp)[h];
            if (size == 0 || double.IsNaN(rate))
            {
                continue;
            }

            var mark = valuation.Mark(perp)[h];
            var payment = PerpAccounting.FundingPayment(size, mark, rate);
            desk.Settle(InstrumentRegistry.MarginAccount(perp), payment, AttributionSource.Funding, valuation.ScPrice(Asset.Usdt)[h - 1]);
            desk.Record(new FundingEvent(valuation.Grid.TimeOf(h), perp.Key.ToString(), rate, size, mark, payment));
        }
    }
}
