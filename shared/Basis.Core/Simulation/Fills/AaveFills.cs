using Basis.Core.Accounting;
using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Settings;

namespace Basis.Core.Simulation.Fills;

/// <summary>
/// AAVE supply, withdrawal, borrowing and repayment at the hour's index: balances are held scaled (amount / index),
/// so interest accrues through the index and is attributed by revaluation, not booked here.
/// </summary>
internal sealed class AaveFills(DeskLedger desk)
{
    /// <summary>Supplies <paramref name="amount"/> of the reserve's underlying from the wallet to AAVE.</summary>
    public void Supply(Instrument aToken, double amount, string reason)
    {
        DeskLedger.RequireType(aToken, PositionType.AToken);
        DeskLedger.RequirePositive(amount, nameof(amount));
        var source = ReserveUnderlying(aToken);
        var index = desk.Valuation.Index(aToken)[desk.Hour];
        var gas = desk.StepGas(GasOperation.CollateralSupplied);
        var scaled = AaveAccounting.ScaledAmount(amount, index);
        desk.Change(source, -amount);
        desk.Change(aToken, scaled);
        desk.Record(new SupplyEvent(desk.Time, aToken.Key.ToString(), amount, scaled, index, gas, reason));
    }

    /// <summary>Withdraws <paramref name="amount"/> of underlying from AAVE to the wallet.</summary>
    public void Withdraw(Instrument aToken, double amount, string reason)
    {
        DeskLedger.RequireType(aToken, PositionType.AToken);
        DeskLedger.RequirePositive(amount, nameof(amount));
        var index = desk.Valuation.Index(aToken)[desk.Hour];
        var scaled = AaveAccounting.ScaledAmount(amount, index);
        desk.RequireHeld(aToken, scaled, () => $"withdraw {amount} from {aToken}: only {AaveAccounting.Underlying(desk.Portfolio.Quantity(aToken), index)} supplied");
        var gas = desk.StepGas(GasOperation.CollateralWithdrawn);
        desk.Change(aToken, -scaled);
        desk.Change(ReserveUnderlying(aToken), amount);
        desk.Record(new WithdrawEvent(desk.Time, aToken.Key.ToString(), amount, scaled, index, gas, reason));
    }

    /// <summary>Borrows <paramref name="amount"/> of the debt token's reserve at the variable rate into the wallet.</summary>
    public void Borrow(Instrument debtToken, double amount, string reason)
    {
        DeskLedger.RequireType(debtToken, PositionType.DebtToken);
        DeskLedger.RequirePositive(amount, nameof(amount));
        var index = desk.Valuation.Index(debtToken)[desk.Hour];
        var gas = desk.StepGas(GasOperation.LoanCreated);
        var scaled = AaveAccounting.ScaledAmount(amount, index);
        desk.Change(debtToken, scaled);
        desk.Change(ReserveUnderlying(debtToken), amount);
        desk.Record(new BorrowEvent(desk.Time, debtToken.Key.ToString(), amount, scaled, index, gas, reason));
    }

    /// <summary>Repays <paramref name="amount"/> of debt from the wallet.</summary>
    public void Repay(Instrument debtToken, double amount, string reason)
    {
        DeskLedger.RequireType(debtToken, PositionType.DebtToken);
        DeskLedger.RequirePositive(amount, nameof(amount));
        var index = desk.Valuation.Index(debtToken)[desk.Hour];
        var scaled = AaveAccounting.ScaledAmount(amount, index);
        desk.RequireHeld(debtToken, scaled, () => $"repay {amount} of {debtToken}: only {AaveAccounting.Underlying(desk.Portfolio.Quantity(debtToken), index)} owed");
        var gas = desk.StepGas(GasOperation.LoanRepaid);
        desk.Change(debtToken, -scaled);
        desk.Change(ReserveUnderlying(debtToken), -amount);
        desk.Record(new RepayEvent(desk.Time, debtToken.Key.ToString(), amount, scaled, index, gas, reason));
    }

    private static Instrument ReserveUnderlying(Instrument aToken) => aToken.AaveReserve switch
    {
        "USDT" => InstrumentRegistry.Balance(Venue.Wallet, Asset.Usdt),
        "WETH" => InstrumentRegistry.Balance(Venue.Wallet, Asset.Eth),
        "weETH" => InstrumentRegistry.Lst(LstToken.WeEth),
        "wstETH" => InstrumentRegistry.Lst(LstToken.WstEth),
        _ => throw new InvalidOperationException($"{aToken} has no known underlying."),
    };
}
