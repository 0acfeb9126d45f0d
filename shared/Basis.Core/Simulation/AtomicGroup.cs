using Basis.Core.Accounting;
using Basis.Core.Instruments;

namespace Basis.Core.Simulation;

/// <summary>
/// The steps of one atomic on-chain transaction (see <see cref="SimulatedExecution.Atomic"/>): a flash loan of
/// WETH that must be repaid with its fee before the group ends, and the AAVE, staking and DEX steps in between.
/// </summary>
public sealed class AtomicGroup
{
    private readonly SimulatedExecution _execution;
    private readonly double _flashFeeBps;

    internal AtomicGroup(SimulatedExecution execution, double flashFeeBps)
    {
        _execution = execution;
        _flashFeeBps = flashFeeBps;
    }

    /// <summary>WETH borrowed by flash loan and not yet repaid.</summary>
    public double Outstanding { get; private set; }

    /// <summary>The fee the flash loan of <paramref name="amountEth"/> will cost.</summary>
    public double FlashFee(double amountEth) => TradingCosts.OfBps(amountEth, _flashFeeBps);

    /// <summary>Borrows WETH by flash loan into the wallet.</summary>
    public void FlashBorrow(double amountEth)
    {
        Outstanding += amountEth;
        _execution.FlashLoan(amountEth, 0, borrow: true);
    }

    /// <summary>Repays everything borrowed by flash loan, with its fee, from the wallet.</summary>
    public void FlashRepay()
    {
        var amount = Outstanding;
        Outstanding = 0;
        _execution.FlashLoan(amount, FlashFee(amount), borrow: false);
    }

    /// <inheritdoc cref="SimulatedExecution.Stake"/>
    public void Stake(LstToken lst, double eth, string reason) => _execution.Stake(lst, eth, reason);

    /// <inheritdoc cref="SimulatedExecution.Supply"/>
    public void Supply(Instrument aToken, double amount, string reason) => _execution.Supply(aToken, amount, reason);

    /// <inheritdoc cref="SimulatedExecution.Withdraw"/>
    public void Withdraw(Instrument aToken, double amount, string reason) => _execution.Withdraw(aToken, amount, reason);

    /// <inheritdoc cref="SimulatedExecution.Borrow"/>
    public void Borrow(Instrument debtToken, double amount, string reason) => _execution.Borrow(debtToken, amount, reason);

    /// <inheritdoc cref="SimulatedExecution.Repay"/>
    public void Repay(Instrument debtToken, double amount, string reason) => _execution.Repay(debtToken, amount, reason);

    /// <inheritdoc cref="SimulatedExecution.SellLst"/>
    public double SellLst(LstToken lst, double units, string reason) => _execution.SellLst(lst, units, reason);
}
