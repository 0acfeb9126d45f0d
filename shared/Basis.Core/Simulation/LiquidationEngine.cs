using Basis.Core.Accounting;
using Basis.Core.Events;
using Basis.Core.Instruments;

namespace Basis.Core.Simulation;

/// <summary>
/// What the venues do to positions below maintenance, before the strategy acts (DESIGN §4): perps are closed at the
/// mark with the venue's fee, and AAVE liquidates below a health factor of 1. The run never continues with HF &lt; 1
/// unnoticed: each liquidation is an event and its loss is booked to <see cref="AttributionSource.Liquidation"/>.
/// </summary>
internal sealed class LiquidationEngine(DeskLedger desk, RiskExtremes extremes, Instrument[] perps, bool hasAave)
{
    /// <summary>Liquidates every perp below its venue's maintenance margin, then the AAVE position if HF &lt; 1.</summary>
    public void Liquidate(int h)
    {
        LiquidatePerps(h);
        LiquidateAave(h);
    }

    private void LiquidatePerps(int h)
    {
        foreach (var perp in perps)
        {
            if (desk.Portfolio.Quantity(perp) == 0)
            {
                continue;
            }

            var ratio = RiskMeter.MarginRatio(desk.Portfolio, desk.Valuation, perp, h);
            if (ratio < desk.Venues.Exchange(perp.Key.Venue).MaintenanceMargin)
            {
                extremes.ObserveMarginRatio(ratio);
                ClosePerp(perp, ratio);
            }
        }
    }

    private void LiquidateAave(int h)
    {
        if (!hasAave)
        {
            return;
        }

        var (healthFactor, _) = RiskMeter.Aave(desk.Portfolio, desk.Valuation, desk.Venues.Aave, h);
        if (healthFactor < 1)
        {
            // The lowest health factor reached is the one that triggered the liquidation, not what is left after it.
            extremes.ObserveHealthFactor(healthFactor);
            SeizeCollateral(healthFactor);
        }
    }

    /// <summary>
    /// Closes a perp position at the mark because its margin ratio fell below maintenance; the venue's
    /// liquidation fee on the notional is the loss booked to <see cref="AttributionSource.Liquidation"/>.
    /// </summary>
    private void ClosePerp(Instrument perp, double marginRatio)
    {
        var portfolio = desk.Portfolio;
        var size = portfolio.Quantity(perp);
        var mark = desk.Valuation.Mark(perp)[desk.Hour];
        var (_, _, realised) = PerpAccounting.ApplyFill(size, portfolio.EntryPrice(perp), -size, mark);
        var penalty = TradingCosts.OfBps(Math.Abs(size) * mark, desk.Venues.Exchange(perp.Key.Venue).LiquidationFeeBps);
        portfolio.SetPerp(perp, 0, 0);
        desk.Change(InstrumentRegistry.MarginAccount(perp), realised - penalty);
        desk.Book(AttributionSource.Liquidation, -penalty * desk.Valuation.ScPrice(Asset.Usdt)[desk.Hour]);
        desk.Liquidations++;
        desk.Record(new LiquidationEvent(desk.Time, perp.Key.ToString(), size, mark, marginRatio, penalty));
    }

    /// <summary>
    /// AAVE liquidation once the health factor is below 1: a liquidator repays the close factor of the debt (all of
    /// it below the full-close health factor) and seizes collateral worth the repayment plus the liquidation bonus;
    /// the bonus is the loss, booked to <see cref="AttributionSource.Liquidation"/>. Borrowing is eMode only, so one
    /// debt is liquidated against the largest collateral. When the seizure takes the last collateral and debt is left,
    /// that debt is bad debt: the loan is non-recourse, so the protocol writes it off (a gain to the account, also
    /// booked to <see cref="AttributionSource.Liquidation"/>) and the loop's equity ends at zero, not below.
    /// </summary>
    private void SeizeCollateral(double healthFactor)
    {
        var portfolio = desk.Portfolio;
        var valuation = desk.Valuation;
        var hour = desk.Hour;
        var aave = desk.Venues.Aave;
        Instrument? debt = null, collateral = null;
        foreach (var instrument in valuation.Instruments)
        {
            if (portfolio.Quantity(instrument) == 0)
            {
                continue;
            }

            if (instrument.IsDebt)
            {
                debt ??= instrument;
            }
            else if (instrument.Key.Type == PositionType.AToken && (collateral is null || valuation.ValueSc(portfolio, instrument, hour) > valuation.ValueSc(portfolio, collateral, hour)))
            {
                collateral = instrument;
            }
        }

        if (debt is null || collateral is null)
        {
            return;
        }

        var closeFactor = healthFactor < aave.FullCloseHealthFactor ? 1.0 : aave.CloseFactor;
        var bonus = aave.EMode.LiquidationBonus;
        var debtSc = -valuation.ValueSc(portfolio, debt, hour);
        var collateralSc = valuation.ValueSc(portfolio, collateral, hour);
        var seizesAll = closeFactor * debtSc * (1 + bonus) >= collateralSc;
        var repaidSc = seizesAll ? collateralSc / (1 + bonus) : closeFactor * debtSc;
        var seizedSc = repaidSc * (1 + bonus);
        var seizedUnits = portfolio.Quantity(collateral) * (seizedSc / collateralSc) * valuation.Index(collateral)[hour];
        portfolio.Add(debt, -portfolio.Quantity(debt) * (repaidSc / debtSc));
        portfolio.Add(collateral, seizesAll ? -portfolio.Quantity(collateral) : -portfolio.Quantity(collateral) * (seizedSc / collateralSc));
        var penaltySc = repaidSc * bonus;
        desk.Book(AttributionSource.Liquidation, -penaltySc);
        desk.Liquidations++;
        var scPerUsd = valuation.ScPrice(Asset.Usdt)[hour];
        desk.Record(new LiquidationEvent(desk.Time, collateral.Key.ToString(), -seizedUnits, valuation.UnderlyingPerUnit(collateral, hour) / valuation.Index(collateral)[hour], healthFactor, penaltySc / scPerUsd));
        if (seizesAll && repaidSc < debtSc && !HoldsCollateral())
        {
            WriteOffBadDebt(debt);
        }
    }

    private bool HoldsCollateral()
    {
        foreach (var instrument in desk.Valuation.Instruments)
        {
            if (instrument.Key.Type == PositionType.AToken && desk.Portfolio.Quantity(instrument) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private void WriteOffBadDebt(Instrument debt)
    {
        var portfolio = desk.Portfolio;
        var valuation = desk.Valuation;
        var badDebtSc = -valuation.ValueSc(portfolio, debt, desk.Hour);
        var underlying = AaveAccounting.Underlying(portfolio.Quantity(debt), valuation.Index(debt)[desk.Hour]);
        portfolio.Add(debt, -portfolio.Quantity(debt));
        desk.Book(AttributionSource.Liquidation, badDebtSc);
        desk.BadDebt += badDebtSc;
        desk.Record(new BadDebtEvent(desk.Time, debt.Key.ToString(), underlying, badDebtSc / valuation.ScPrice(Asset.Usdt)[desk.Hour]));
    }
}
