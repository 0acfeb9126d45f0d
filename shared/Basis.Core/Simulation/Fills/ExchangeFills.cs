using Basis.Core.Accounting;
using Basis.Core.Events;
using Basis.Core.Instruments;

namespace Basis.Core.Simulation.Fills;

/// <summary>Centralised-exchange fills at the hour's price: the venue's taker fee and slippage by size, paid in the venue's USDT.</summary>
internal sealed class ExchangeFills(DeskLedger desk)
{
    /// <summary>
    /// Buys (positive) or sells (negative) <paramref name="baseDelta"/> units of <paramref name="asset"/> for USDT on
    /// <paramref name="venue"/>'s spot market at the hour's reference price, paying the taker fee and slippage in USDT.
    /// </summary>
    public void Spot(Venue venue, Asset asset, double baseDelta, string reason)
    {
        if (baseDelta == 0)
        {
            return;
        }

        var price = desk.Valuation.UsdPrice(asset)[desk.Hour];
        var notional = Math.Abs(baseDelta) * price;
        var fee = TradingCosts.OfBps(notional, desk.Venues.Exchange(venue).SpotFees.TakerBps);
        var slippage = TradingCosts.OfBps(notional, desk.Venues.Slippage.Bps($"{asset.Symbol()}USDT-SPOT", notional));
        var usdt = InstrumentRegistry.Balance(venue, Asset.Usdt);
        desk.Change(InstrumentRegistry.Balance(venue, asset), baseDelta);
        desk.Change(usdt, -(baseDelta * price) - fee - slippage);
        desk.BookTradingCosts(fee, slippage);
        desk.Trades++;
        desk.Record(new TradeEvent(desk.Time, InstrumentRegistry.Balance(venue, asset).Key.ToString(), baseDelta > 0 ? "buy" : "sell", Math.Abs(baseDelta), price, notional, fee, slippage, 0, reason));
    }

    /// <summary>
    /// Changes a perp position by <paramref name="sizeDelta"/> at the hour's mark, paying the taker fee and
    /// slippage from the venue's USDT; reducing realises P&amp;L into that balance.
    /// </summary>
    public void Perp(Instrument perp, double sizeDelta, string reason)
    {
        DeskLedger.RequireType(perp, PositionType.Perp);
        if (sizeDelta == 0)
        {
            return;
        }

        var portfolio = desk.Portfolio;
        var mark = desk.Valuation.Mark(perp)[desk.Hour];
        var notional = Math.Abs(sizeDelta) * mark;
        var fee = TradingCosts.OfBps(notional, desk.Venues.Exchange(perp.Key.Venue).PerpFees.TakerBps);
        var slippage = TradingCosts.OfBps(notional, desk.Venues.Slippage.Bps($"{perp.Key.Symbol}-PERP", notional));
        var (size, entry, realised) = PerpAccounting.ApplyFill(portfolio.Quantity(perp), portfolio.EntryPrice(perp), sizeDelta, mark);
        desk.RequireSubscribed(perp);
        portfolio.SetPerp(perp, size, entry);
        desk.Change(InstrumentRegistry.MarginAccount(perp), realised - fee - slippage);
        desk.BookTradingCosts(fee, slippage);
        desk.Trades++;
        desk.Record(new TradeEvent(desk.Time, perp.Key.ToString(), sizeDelta > 0 ? "buy" : "sell", Math.Abs(sizeDelta), mark, notional, fee, slippage, realised, reason));
    }
}
