using Basis.Core.Accounting;
using Basis.Core.Events;
using Basis.Core.Instruments;

namespace Basis.Core.Simulation.Fills;

/// <summary>AAVE flash loans of WETH inside an atomic plan: what is borrowed must be repaid, with the pool's fee, before the plan ends.</summary>
internal sealed class FlashLoans(DeskLedger desk)
{
    /// <summary>ETH borrowed in the current plan and not yet repaid.</summary>
    public double OutstandingEth { get; private set; }

    public void BeginPlan() => OutstandingEth = 0;

    /// <summary>Borrows WETH by flash loan into the wallet (a step of an atomic plan).</summary>
    public void Borrow(double amountEth)
    {
        DeskLedger.RequirePositive(amountEth, nameof(amountEth));
        OutstandingEth += amountEth;
        desk.Change(desk.WalletEth, amountEth);
        desk.Record(new FlashLoanEvent(desk.Time, "borrow", amountEth, 0));
    }

    /// <summary>Repays everything borrowed by flash loan in the plan, with the pool's fee, from the wallet.</summary>
    public void Repay()
    {
        var amountEth = OutstandingEth;
        var feeEth = TradingCosts.OfBps(amountEth, desk.Venues.Aave.FlashLoanFeeBps);
        OutstandingEth = 0;
        desk.Change(desk.WalletEth, -(amountEth + feeEth));
        desk.Book(AttributionSource.TradingFees, -feeEth * desk.Valuation.ScPrice(Asset.Eth)[desk.Hour]);
        desk.Record(new FlashLoanEvent(desk.Time, "repay", amountEth + feeEth, feeEth));
    }
}
