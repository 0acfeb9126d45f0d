using Basis.Core.Accounting;
using Basis.Core.Instruments;
using Basis.Core.Settings;

namespace Basis.Core.Simulation;

/// <summary>Risk measurements recomputed from positions each hour: health factor, LTV, margin ratios and net delta.</summary>
public static class RiskMeter
{
    /// <summary>A perp's margin ratio: (venue USDT + unrealised P&amp;L) / (|size| × mark); +∞ when flat.</summary>
    public static double MarginRatio(Portfolio portfolio, ValuationModel valuation, Instrument perp, int hour)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(valuation);
        ArgumentNullException.ThrowIfNull(perp);
        var size = portfolio.Quantity(perp);
        var mark = valuation.Mark(perp)[hour];
        var balance = portfolio.Quantity(InstrumentRegistry.MarginAccount(perp));
        return PerpAccounting.MarginRatio(balance, PerpAccounting.UnrealisedPnl(size, portfolio.EntryPrice(perp), mark), size, mark);
    }

    /// <summary>The collateral behind a perp, in USDT: its venue's USDT balance plus its unrealised P&amp;L.</summary>
    public static double MarginCollateral(Portfolio portfolio, ValuationModel valuation, Instrument perp, int hour)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(valuation);
        ArgumentNullException.ThrowIfNull(perp);
        var mark = valuation.Mark(perp)[hour];
        return portfolio.Quantity(InstrumentRegistry.MarginAccount(perp))
            + PerpAccounting.UnrealisedPnl(portfolio.Quantity(perp), portfolio.EntryPrice(perp), mark);
    }

    /// <summary>
    /// AAVE health factor and LTV from underlying balances at the hour's prices. Borrowing is modelled in eMode
    /// only, so every collateral is weighted by the eMode liquidation threshold; USDT collateral against debt is
    /// not supported and fails loudly rather than being weighted wrongly.
    /// </summary>
    public static (double HealthFactor, double Ltv) Aave(Portfolio portfolio, ValuationModel valuation, AaveSettings aave, int hour)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(valuation);
        ArgumentNullException.ThrowIfNull(aave);
        double collateral = 0, debt = 0;
        var hasUsdtCollateral = false;
        foreach (var instrument in valuation.Instruments)
        {
            if (portfolio.Quantity(instrument) == 0)
            {
                continue;
            }

            if (instrument.Key.Type == PositionType.AToken)
            {
                collateral += valuation.ValueSc(portfolio, instrument, hour);
                hasUsdtCollateral |= instrument.PricedIn == Asset.Usdt;
            }
            else if (instrument.IsDebt)
            {
                debt -= valuation.ValueSc(portfolio, instrument, hour);
            }
        }

        if (debt > 0 && hasUsdtCollateral)
        {
            throw new NotSupportedException("USDT collateral against debt is outside eMode and not modelled.");
        }

        return (AaveAccounting.HealthFactor(collateral * aave.EMode.LiquidationThreshold, debt), AaveAccounting.LoanToValue(collateral, debt));
    }

    /// <summary>
    /// Net exposure to <paramref name="asset"/> in its units: held units priced in it (debt negative) plus perp
    /// sizes on it, less the equity itself when the share class is that asset (an ETH-class book that holds only
    /// ETH has no delta).
    /// </summary>
    public static double NetDelta(Portfolio portfolio, ValuationModel valuation, Asset asset, double equitySc, int hour)
    {
        ArgumentNullException.ThrowIfNull(portfolio);
        ArgumentNullException.ThrowIfNull(valuation);
        var delta = 0.0;
        foreach (var instrument in valuation.Instruments)
        {
            var quantity = portfolio.Quantity(instrument);
            if (quantity == 0 || instrument.PricedIn != asset)
            {
                continue;
            }

            if (instrument.Key.Type == PositionType.Perp)
            {
                delta += quantity;
            }
            else
            {
                var units = quantity * valuation.UnderlyingPerUnit(instrument, hour);
                delta += instrument.IsDebt ? -units : units;
            }
        }

        return valuation.ShareClass.Asset() == asset ? delta - equitySc : delta;
    }
}
