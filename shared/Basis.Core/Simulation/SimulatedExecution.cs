using Basis.Core.Events;
using Basis.Core.Settings;
using Basis.Core.Simulation.Fills;
using Basis.Core.Trading;

namespace Basis.Core.Simulation;

/// <summary>
/// The simulated execution desk: fills a strategy's intents at the hour's prices, as they would be filled live:
/// every action pays its venue fee, its slippage from the execution-cost table and its gas, and each cost is booked
/// to its attribution source as it is paid. Apart from those costs an action moves value between positions without
/// creating or destroying any, which is what keeps attribution reconciled with equity. The fill model of each kind
/// of intent lives in its own class; this one dispatches intents and runs atomic plans.
/// </summary>
public sealed class SimulatedExecution : IExecutionDesk
{
    private readonly DeskLedger _desk;
    private readonly AaveFills _aave;
    private readonly LstFills _lst;
    private readonly DexFills _dex;
    private readonly ExchangeFills _exchange;
    private readonly TransferFills _transfers;
    private readonly FlashLoans _flash;
    private readonly Portfolio _rollback = new();

    internal SimulatedExecution(DeskLedger desk)
    {
        _desk = desk;
        _aave = new AaveFills(desk);
        _lst = new LstFills(desk);
        _dex = new DexFills(desk);
        _exchange = new ExchangeFills(desk);
        _transfers = new TransferFills(desk);
        _flash = new FlashLoans(desk);
    }

    /// <summary>Exchange fills and DEX swaps so far.</summary>
    public int Trades => _desk.Trades;

    /// <summary>Rebalancing decisions so far (the initial entry excluded).</summary>
    public int Rebalances => _desk.Rebalances;

    /// <summary>Liquidations so far.</summary>
    public int Liquidations => _desk.Liquidations;

    /// <inheritdoc />
    public void Decide(string action, string reason)
    {
        if (action != "entry_full")
        {
            _desk.Rebalances++;
        }

        _desk.Record(new RebalanceEvent(_desk.Time, action, reason, _desk.Valuation.EquitySc(_desk.Portfolio, _desk.Hour)));
    }

    /// <inheritdoc />
    public bool Execute(TradeIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        if (intent is AtomicPlan plan)
        {
            return Atomic(plan);
        }

        if (intent is FlashBorrow or FlashRepay)
        {
            throw new ArgumentException($"A {intent.GetType().Name} is a step of an atomic plan, not an intent on its own.", nameof(intent));
        }

        Apply(intent);
        return true;
    }

    private void Apply(TradeIntent intent)
    {
        switch (intent)
        {
            case AaveSupply supply: _aave.Supply(supply.AToken, supply.Amount, supply.Reason); break;
            case AaveWithdraw withdraw: _aave.Withdraw(withdraw.AToken, withdraw.Amount, withdraw.Reason); break;
            case AaveBorrow borrow: _aave.Borrow(borrow.DebtToken, borrow.Amount, borrow.Reason); break;
            case AaveRepay repay: _aave.Repay(repay.DebtToken, repay.Amount, repay.Reason); break;
            case LstStake stake: _lst.Stake(stake.Lst, stake.Eth, stake.Reason); break;
            case LstSale sale: _lst.Sell(sale.Lst, sale.Units, sale.Reason); break;
            case EthSwap swap: _dex.SwapEth(swap.EthDelta, swap.Reason); break;
            case DexSale sale: _dex.SellForEth(sale.Token, sale.Amount, sale.Reason); break;
            case RewardUnwrap: _desk.PayGas(GasOperation.UnwrapKingToken); break;
            case SpotOrder order: _exchange.Spot(order.Venue, order.Asset, order.BaseDelta, order.Reason); break;
            case PerpOrder order: _exchange.Perp(order.Perp, order.SizeDelta, order.Reason); break;
            case TokenTransfer transfer: _transfers.Transfer(transfer.From, transfer.To, transfer.Amount, transfer.Reason); break;
            case FlashBorrow flash: _flash.Borrow(flash.Eth); break;
            case FlashRepay: _flash.Repay(); break;
            case AtomicPlan: throw new ArgumentException("Atomic plans do not nest.", nameof(intent));
            default: throw new NotSupportedException($"The simulated desk cannot carry out a {intent.GetType().Name}.");
        }
    }

    /// <summary>
    /// Runs an atomic plan's steps as one all-or-nothing transaction that pays the plan's gas once (the steps pay
    /// none). It is rolled back and logged as rejected when a step cannot be done (not enough collateral, an unpaid
    /// flash loan), or when it would leave the AAVE health factor below the plan's floor without raising it: plans
    /// that reduce risk always go through, since the risk layer may only reduce exposure.
    /// </summary>
    private bool Atomic(AtomicPlan plan)
    {
        var (portfolio, valuation, aave, hour) = (_desk.Portfolio, _desk.Valuation, _desk.Venues.Aave, _desk.Hour);
        var (healthBefore, _) = RiskMeter.Aave(portfolio, valuation, aave, hour);
        portfolio.CopyTo(_rollback);
        var sourcesBefore = _desk.Attribution.SaveHour();
        var (eventsBefore, tradesBefore) = (_desk.Events.Count, _desk.Trades);
        string? rejection = null;
        _desk.InPlan = true;
        _flash.BeginPlan();
        try
        {
            foreach (var step in plan.Steps)
            {
                Apply(step);
            }

            rejection = _flash.OutstandingEth > 1e-9 ? $"the flash loan of {_flash.OutstandingEth} ETH is not repaid" : null;
        }
        catch (InsufficientBalanceException exception)
        {
            rejection = exception.Message;
        }
        finally
        {
            _desk.InPlan = false;
        }

        var (healthAfter, ltvAfter) = RiskMeter.Aave(portfolio, valuation, aave, hour);
        if (rejection is null && healthAfter < plan.HealthFactorFloor && !(healthAfter > healthBefore))
        {
            rejection = $"it would leave the health factor at {healthAfter:F4}, below the floor {plan.HealthFactorFloor:F4}";
        }

        double? Finite(double value) => double.IsFinite(value) ? value : null;
        if (rejection is not null)
        {
            _rollback.CopyTo(portfolio);
            _desk.Attribution.RestoreHour(sourcesBefore);
            _desk.Events.RemoveRange(eventsBefore, _desk.Events.Count - eventsBefore);
            _desk.Trades = tradesBefore;
            _desk.Record(new AtomicGroupEvent(_desk.Time, plan.Name, "rejected", $"{plan.Reason}; rejected: {rejection}", Finite(healthBefore), Finite(healthAfter), ltvAfter, 0));
            return false;
        }

        var gasEth = plan.Gas.Sum(_desk.PayGas);
        _desk.Record(new AtomicGroupEvent(_desk.Time, plan.Name, "executed", plan.Reason, Finite(healthBefore), Finite(RiskMeter.Aave(portfolio, valuation, aave, hour).HealthFactor), ltvAfter, gasEth));
        return true;
    }
}
