using Basis.Core.Accounting;
using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Trading;

namespace Basis.Core.Simulation;

/// <summary>
/// The simulated execution desk: fills a strategy's intents at the hour's prices, as they would be filled live:
/// every action pays its venue fee, its slippage from the execution-cost table and its gas, and each cost is booked
/// to its attribution source as it is paid. Apart from those costs an action moves value between positions without
/// creating or destroying any, which is what keeps attribution reconciled with equity.
/// </summary>
public sealed class SimulatedExecution : IExecutionDesk
{
    private readonly Portfolio _portfolio;
    private readonly ValuationModel _valuation;
    private readonly VenueSettings _venues;
    private readonly List<SimulationEvent> _events;
    private readonly double[] _hourSources;
    private readonly Instrument _walletEth = InstrumentRegistry.Balance(Venue.Wallet, Asset.Eth);
    private readonly Instrument _walletUsdt = InstrumentRegistry.Balance(Venue.Wallet, Asset.Usdt);
    private readonly Portfolio _rollback = new();
    private bool _inPlan;
    private double _flashOutstanding;

    internal SimulatedExecution(Portfolio portfolio, ValuationModel valuation, VenueSettings venues, List<SimulationEvent> events, double[] hourSources)
    {
        _portfolio = portfolio;
        _valuation = valuation;
        _venues = venues;
        _events = events;
        _hourSources = hourSources;
    }

    /// <summary>Exchange fills and DEX swaps so far.</summary>
    public int Trades { get; private set; }

    /// <summary>Rebalancing decisions so far (the initial entry excluded).</summary>
    public int Rebalances { get; private set; }

    /// <summary>Liquidations so far.</summary>
    public int Liquidations { get; private set; }

    /// <summary>Debt left once no collateral backs it, written off by the protocol (<see cref="LiquidateAave"/>), in the share class.</summary>
    internal double BadDebt { get; private set; }

    internal int Hour { get; set; }

    /// <summary>Writes the counters and the bad debt written off, for a run continued elsewhere.</summary>
    internal void WriteState(BinaryWriter writer)
    {
        writer.Write(Trades);
        writer.Write(Rebalances);
        writer.Write(Liquidations);
        writer.Write(BadDebt);
    }

    /// <summary>Restores the counters <see cref="WriteState"/> wrote.</summary>
    internal void ReadState(BinaryReader reader) =>
        (Trades, Rebalances, Liquidations, BadDebt) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadDouble());

    private DateTime Time => _valuation.Grid.TimeOf(Hour);

    /// <summary>ETH that <paramref name="operation"/> costs in gas at this hour.</summary>
    private double GasCostEth(GasOperation operation) =>
        GasAccounting.CostEth(_valuation.GasPriceGwei[Hour], _venues.Gas.UnitsOf(operation));

    /// <inheritdoc />
    public void Decide(string action, string reason)
    {
        if (action != "entry_full")
        {
            Rebalances++;
        }

        _events.Add(new RebalanceEvent(Time, action, reason, _valuation.EquitySc(_portfolio, Hour)));
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
            case AaveSupply supply: Supply(supply.AToken, supply.Amount, supply.Reason); break;
            case AaveWithdraw withdraw: Withdraw(withdraw.AToken, withdraw.Amount, withdraw.Reason); break;
            case AaveBorrow borrow: Borrow(borrow.DebtToken, borrow.Amount, borrow.Reason); break;
            case AaveRepay repay: Repay(repay.DebtToken, repay.Amount, repay.Reason); break;
            case LstStake stake: Stake(stake.Lst, stake.Eth, stake.Reason); break;
            case LstSale sale: SellLst(sale.Lst, sale.Units, sale.Reason); break;
            case EthSwap swap: SwapEth(swap.EthDelta, swap.Reason); break;
            case DexSale sale: SellOnDex(sale.Token, sale.Amount, sale.Reason); break;
            case RewardUnwrap: PayGas(GasOperation.UnwrapKingToken); break;
            case SpotOrder order: SpotTrade(order.Venue, order.Asset, order.BaseDelta, order.Reason); break;
            case PerpOrder order: PerpTrade(order.Perp, order.SizeDelta, order.Reason); break;
            case TokenTransfer transfer: Transfer(transfer.From, transfer.To, transfer.Amount, transfer.Reason); break;
            case FlashBorrow flash: FlashLoan(flash.Eth); break;
            case FlashRepay: RepayFlashLoan(); break;
            case AtomicPlan: throw new ArgumentException("Atomic plans do not nest.", nameof(intent));
            default: throw new NotSupportedException($"The simulated desk cannot carry out a {intent.GetType().Name}.");
        }
    }

    /// <summary>Supplies <paramref name="amount"/> of the reserve's underlying from the wallet to AAVE.</summary>
    private void Supply(Instrument aToken, double amount, string reason)
    {
        RequireType(aToken, PositionType.AToken);
        RequirePositive(amount, nameof(amount));
        var source = ReserveUnderlying(aToken);
        var index = _valuation.Index(aToken)[Hour];
        var gas = StepGas(GasOperation.CollateralSupplied);
        var scaled = AaveAccounting.ScaledAmount(amount, index);
        Change(source, -amount);
        Change(aToken, scaled);
        _events.Add(new SupplyEvent(Time, aToken.Key.ToString(), amount, scaled, index, gas, reason));
    }

    /// <summary>Withdraws <paramref name="amount"/> of underlying from AAVE to the wallet.</summary>
    private void Withdraw(Instrument aToken, double amount, string reason)
    {
        RequireType(aToken, PositionType.AToken);
        RequirePositive(amount, nameof(amount));
        var index = _valuation.Index(aToken)[Hour];
        var scaled = AaveAccounting.ScaledAmount(amount, index);
        RequireHeld(aToken, scaled, () => $"withdraw {amount} from {aToken}: only {AaveAccounting.Underlying(_portfolio.Quantity(aToken), index)} supplied");
        var gas = StepGas(GasOperation.CollateralWithdrawn);
        Change(aToken, -scaled);
        Change(ReserveUnderlying(aToken), amount);
        _events.Add(new WithdrawEvent(Time, aToken.Key.ToString(), amount, scaled, index, gas, reason));
    }

    /// <summary>Borrows <paramref name="amount"/> of the debt token's reserve at the variable rate into the wallet.</summary>
    private void Borrow(Instrument debtToken, double amount, string reason)
    {
        RequireType(debtToken, PositionType.DebtToken);
        RequirePositive(amount, nameof(amount));
        var index = _valuation.Index(debtToken)[Hour];
        var gas = StepGas(GasOperation.LoanCreated);
        var scaled = AaveAccounting.ScaledAmount(amount, index);
        Change(debtToken, scaled);
        Change(ReserveUnderlying(debtToken), amount);
        _events.Add(new BorrowEvent(Time, debtToken.Key.ToString(), amount, scaled, index, gas, reason));
    }

    /// <summary>Repays <paramref name="amount"/> of debt from the wallet.</summary>
    private void Repay(Instrument debtToken, double amount, string reason)
    {
        RequireType(debtToken, PositionType.DebtToken);
        RequirePositive(amount, nameof(amount));
        var index = _valuation.Index(debtToken)[Hour];
        var scaled = AaveAccounting.ScaledAmount(amount, index);
        RequireHeld(debtToken, scaled, () => $"repay {amount} of {debtToken}: only {AaveAccounting.Underlying(_portfolio.Quantity(debtToken), index)} owed");
        var gas = StepGas(GasOperation.LoanRepaid);
        Change(debtToken, -scaled);
        Change(ReserveUnderlying(debtToken), -amount);
        _events.Add(new RepayEvent(Time, debtToken.Key.ToString(), amount, scaled, index, gas, reason));
    }

    /// <summary>
    /// Sells <paramref name="units"/> of an LST from the wallet for ETH on a DEX at the market rate (the oracle rate
    /// with the data's peg premium and any stressed depeg), paying the pool fee and slippage: the exit that pays the
    /// peg discount.
    /// </summary>
    private void SellLst(LstToken lst, double units, string reason)
    {
        RequirePositive(units, nameof(units));
        var token = InstrumentRegistry.Lst(lst);
        RequireHeld(token, units, () => $"sell {units} {lst.Symbol()}: only {_portfolio.Quantity(token)} held");
        var pair = _venues.LstOf(lst).DexPair;
        var marketRate = _valuation.LstMarketRate(lst)[Hour];
        var grossEth = units * marketRate;
        var feeBps = _venues.DexPoolFeeBps(pair);
        var slippageBps = _venues.Slippage.Bps(pair, grossEth * _valuation.UsdPrice(Asset.Eth)[Hour]);
        var feeEth = TradingCosts.OfBps(grossEth, feeBps);
        var slippageEth = TradingCosts.OfBps(grossEth, slippageBps);
        var gas = StepGas(GasOperation.TokenSwap);

        // Value given up beyond fees: the LST is held at its oracle value, sold at the market rate.
        var heldEth = units * _valuation.UnderlyingPerUnit(token, Hour);
        var ethSc = _valuation.ScPrice(Asset.Eth)[Hour];
        var received = LstAccounting.DexSaleProceeds(units, marketRate, feeBps, slippageBps);
        Change(token, -units);
        Change(_walletEth, received);
        Book(AttributionSource.TradingFees, -feeEth * ethSc);
        Book(AttributionSource.Slippage, -slippageEth * ethSc);
        Book(AttributionSource.Price, (grossEth - heldEth) * ethSc);
        Trades++;
        var ethUsd = _valuation.UsdPrice(Asset.Eth)[Hour];
        _events.Add(new SwapEvent(Time, token.Key.ToString(), _walletEth.Key.ToString(), units, received, feeEth * ethUsd, slippageEth * ethUsd, gas, reason));
    }

    /// <summary>
    /// Swaps between wallet USDT and ETH on a DEX at the hour's ETH price, paying the pool fee and slippage
    /// (<paramref name="ethDelta"/> &gt; 0 buys ETH, &lt; 0 sells it).
    /// </summary>
    private void SwapEth(double ethDelta, string reason)
    {
        if (ethDelta == 0)
        {
            return;
        }

        const string Pair = "ETH_USDT";
        var price = _valuation.UsdPrice(Asset.Eth)[Hour];
        var notional = Math.Abs(ethDelta) * price;
        var fee = TradingCosts.OfBps(notional, _venues.DexPoolFeeBps(Pair));
        var slippage = TradingCosts.OfBps(notional, _venues.Slippage.Bps(Pair, notional));
        var gas = StepGas(GasOperation.TokenSwap);
        Change(_walletEth, ethDelta);
        Change(_walletUsdt, -(ethDelta * price) - fee - slippage);
        BookTradingCosts(fee, slippage);
        Trades++;
        var (from, to, amountIn, amountOut) = ethDelta > 0
            ? (_walletUsdt, _walletEth, notional + fee + slippage, ethDelta)
            : (_walletEth, _walletUsdt, -ethDelta, notional - fee - slippage);
        _events.Add(new SwapEvent(Time, from.Key.ToString(), to.Key.ToString(), amountIn, amountOut, fee, slippage, gas, reason));
    }

    /// <summary>
    /// Runs an atomic plan's steps as one all-or-nothing transaction that pays the plan's gas once (the steps pay
    /// none). It is rolled back and logged as rejected when a step cannot be done (not enough collateral, an unpaid
    /// flash loan), or when it would leave the AAVE health factor below the plan's floor without raising it: plans
    /// that reduce risk always go through, since the risk layer may only reduce exposure.
    /// </summary>
    private bool Atomic(AtomicPlan plan)
    {
        var (healthBefore, _) = RiskMeter.Aave(_portfolio, _valuation, _venues.Aave, Hour);
        _portfolio.CopyTo(_rollback);
        var sourcesBefore = (double[])_hourSources.Clone();
        var (eventsBefore, tradesBefore) = (_events.Count, Trades);
        string? rejection = null;
        _inPlan = true;
        _flashOutstanding = 0;
        try
        {
            foreach (var step in plan.Steps)
            {
                Apply(step);
            }

            rejection = _flashOutstanding > 1e-9 ? $"the flash loan of {_flashOutstanding} ETH is not repaid" : null;
        }
        catch (InsufficientBalanceException exception)
        {
            rejection = exception.Message;
        }
        finally
        {
            _inPlan = false;
        }

        var (healthAfter, ltvAfter) = RiskMeter.Aave(_portfolio, _valuation, _venues.Aave, Hour);
        if (rejection is null && healthAfter < plan.HealthFactorFloor && !(healthAfter > healthBefore))
        {
            rejection = $"it would leave the health factor at {healthAfter:F4}, below the floor {plan.HealthFactorFloor:F4}";
        }

        double? Finite(double value) => double.IsFinite(value) ? value : null;
        if (rejection is not null)
        {
            _rollback.CopyTo(_portfolio);
            sourcesBefore.CopyTo(_hourSources, 0);
            _events.RemoveRange(eventsBefore, _events.Count - eventsBefore);
            Trades = tradesBefore;
            _events.Add(new AtomicGroupEvent(Time, plan.Name, "rejected", $"{plan.Reason}; rejected: {rejection}", Finite(healthBefore), Finite(healthAfter), ltvAfter, 0));
            return false;
        }

        var gasEth = plan.Gas.Sum(PayGas);
        _events.Add(new AtomicGroupEvent(Time, plan.Name, "executed", plan.Reason, Finite(healthBefore), Finite(RiskMeter.Aave(_portfolio, _valuation, _venues.Aave, Hour).HealthFactor), ltvAfter, gasEth));
        return true;
    }

    /// <summary>Stakes <paramref name="eth"/> from the wallet into <paramref name="lst"/> at the protocol (oracle) rate.</summary>
    private void Stake(LstToken lst, double eth, string reason)
    {
        RequirePositive(eth, nameof(eth));
        var token = InstrumentRegistry.Lst(lst);
        var rate = _valuation.LstRate(lst)[Hour];
        var gas = StepGas(GasOperation.StakeDeposit);
        var units = LstAccounting.MintUnits(eth, rate);
        Change(_walletEth, -eth);
        Change(token, units);

        // Minting pays the protocol rate; while a depeg is stressed the units are worth less than the ETH paid.
        Book(AttributionSource.Price, ((units * _valuation.UnderlyingPerUnit(token, Hour)) - eth) * _valuation.ScPrice(Asset.Eth)[Hour]);
        _events.Add(new StakeEvent(Time, token.Key.ToString(), eth, units, rate, gas, reason));
    }

    /// <summary>
    /// Moves <paramref name="amount"/> of a token between own balances. From the wallet it is an on-chain send
    /// (gas); from an exchange it is a withdrawal that pays the exchange's flat fee on top of the amount, out of the
    /// exchange's free balance.
    /// </summary>
    private void Transfer(Instrument from, Instrument to, double amount, string reason)
    {
        RequireType(from, PositionType.BaseToken);
        RequireType(to, PositionType.BaseToken);
        RequirePositive(amount, nameof(amount));
        if (from.PricedIn != to.PricedIn || from.Key.Venue == to.Key.Venue)
        {
            throw new ArgumentException($"A transfer moves one token between two venues; got {from} → {to}.", nameof(to));
        }

        double gas = 0, fee = 0;
        if (from.Key.Venue == Venue.Wallet)
        {
            gas = PayGas(GasOperation.VenueTransfer);
        }
        else
        {
            if (from.PricedIn != Asset.Usdt)
            {
                throw new NotSupportedException($"Withdrawals of {from.PricedIn.Symbol()} from exchanges are not modelled yet; only USDT.");
            }

            // An exchange pays out only its free USDT: unrealised perp profit must be realised first.
            fee = _venues.Exchange(from.Key.Venue).UsdtWithdrawalFee;
            RequireHeld(from, amount + fee, () => $"withdraw {amount} USDT (and the {fee} USDT fee) from {from.Key.Venue.Name()}: only {_portfolio.Quantity(from)} USDT is free there");
            Change(from, -fee);
            Book(AttributionSource.TradingFees, -fee * _valuation.ScPrice(Asset.Usdt)[Hour]);
        }

        Change(from, -amount);
        Change(to, amount);
        _events.Add(new TransferEvent(Time, from.Key.ToString(), to.Key.ToString(), amount, fee, gas, reason));
    }

    /// <summary>
    /// Buys (positive) or sells (negative) <paramref name="baseDelta"/> units of <paramref name="asset"/> for USDT on
    /// <paramref name="venue"/>'s spot market at the hour's reference price, paying the taker fee and slippage in USDT.
    /// </summary>
    private void SpotTrade(Venue venue, Asset asset, double baseDelta, string reason)
    {
        if (baseDelta == 0)
        {
            return;
        }

        var price = _valuation.UsdPrice(asset)[Hour];
        var notional = Math.Abs(baseDelta) * price;
        var fee = TradingCosts.OfBps(notional, _venues.Exchange(venue).SpotFees.TakerBps);
        var slippage = TradingCosts.OfBps(notional, _venues.Slippage.Bps($"{asset.Symbol()}USDT-SPOT", notional));
        var usdt = InstrumentRegistry.Balance(venue, Asset.Usdt);
        Change(InstrumentRegistry.Balance(venue, asset), baseDelta);
        Change(usdt, -(baseDelta * price) - fee - slippage);
        BookTradingCosts(fee, slippage);
        Trades++;
        _events.Add(new TradeEvent(Time, InstrumentRegistry.Balance(venue, asset).Key.ToString(), baseDelta > 0 ? "buy" : "sell", Math.Abs(baseDelta), price, notional, fee, slippage, 0, reason));
    }

    /// <summary>
    /// Changes a perp position by <paramref name="sizeDelta"/> at the hour's mark, paying the taker fee and
    /// slippage from the venue's USDT; reducing realises P&amp;L into that balance.
    /// </summary>
    private void PerpTrade(Instrument perp, double sizeDelta, string reason)
    {
        RequireType(perp, PositionType.Perp);
        if (sizeDelta == 0)
        {
            return;
        }

        var mark = _valuation.Mark(perp)[Hour];
        var notional = Math.Abs(sizeDelta) * mark;
        var fee = TradingCosts.OfBps(notional, _venues.Exchange(perp.Key.Venue).PerpFees.TakerBps);
        var slippage = TradingCosts.OfBps(notional, _venues.Slippage.Bps($"{perp.Key.Symbol}-PERP", notional));
        var (size, entry, realised) = PerpAccounting.ApplyFill(_portfolio.Quantity(perp), _portfolio.EntryPrice(perp), sizeDelta, mark);
        RequireSubscribed(perp);
        _portfolio.SetPerp(perp, size, entry);
        Change(InstrumentRegistry.MarginAccount(perp), realised - fee - slippage);
        BookTradingCosts(fee, slippage);
        Trades++;
        _events.Add(new TradeEvent(Time, perp.Key.ToString(), sizeDelta > 0 ? "buy" : "sell", Math.Abs(sizeDelta), mark, notional, fee, slippage, realised, reason));
    }

    /// <summary>Sells <paramref name="amount"/> of a wallet token for ETH on a DEX, paying the pool fee, slippage and gas.</summary>
    private void SellOnDex(Asset token, double amount, string reason)
    {
        RequirePositive(amount, nameof(amount));
        var pair = $"{token.Symbol()}_ETH";
        var priceEth = _valuation.UsdPrice(token)[Hour] / _valuation.UsdPrice(Asset.Eth)[Hour];
        var grossEth = amount * priceEth;
        var feeEth = TradingCosts.OfBps(grossEth, _venues.DexPoolFeeBps(pair));
        var slippageEth = TradingCosts.OfBps(grossEth, _venues.Slippage.Bps(pair, grossEth * _valuation.UsdPrice(Asset.Eth)[Hour]));
        var gas = PayGas(GasOperation.TokenSwap);
        var wallet = InstrumentRegistry.Balance(Venue.Wallet, token);
        Change(wallet, -amount);
        Change(_walletEth, grossEth - feeEth - slippageEth);
        var ethSc = _valuation.ScPrice(Asset.Eth)[Hour];
        Book(AttributionSource.TradingFees, -feeEth * ethSc);
        Book(AttributionSource.Slippage, -slippageEth * ethSc);
        Trades++;
        var ethUsd = _valuation.UsdPrice(Asset.Eth)[Hour];
        _events.Add(new SwapEvent(Time, wallet.Key.ToString(), _walletEth.Key.ToString(), amount, grossEth - feeEth - slippageEth, feeEth * ethUsd, slippageEth * ethUsd, gas, reason));
    }

    /// <summary>Borrows WETH by flash loan into the wallet (a step of an atomic plan).</summary>
    private void FlashLoan(double amountEth)
    {
        RequirePositive(amountEth, nameof(amountEth));
        _flashOutstanding += amountEth;
        Change(_walletEth, amountEth);
        _events.Add(new FlashLoanEvent(Time, "borrow", amountEth, 0));
    }

    /// <summary>Repays everything borrowed by flash loan in the plan, with the pool's fee, from the wallet.</summary>
    private void RepayFlashLoan()
    {
        var amountEth = _flashOutstanding;
        var feeEth = TradingCosts.OfBps(amountEth, _venues.Aave.FlashLoanFeeBps);
        _flashOutstanding = 0;
        Change(_walletEth, -(amountEth + feeEth));
        Book(AttributionSource.TradingFees, -feeEth * _valuation.ScPrice(Asset.Eth)[Hour]);
        _events.Add(new FlashLoanEvent(Time, "repay", amountEth + feeEth, feeEth));
    }

    /// <summary>Pays gas for an operation from the wallet's ETH and books it; returns the ETH paid.</summary>
    private double PayGas(GasOperation operation)
    {
        var eth = GasCostEth(operation);
        Change(_walletEth, -eth);
        Book(AttributionSource.Gas, -eth * _valuation.ScPrice(Asset.Eth)[Hour]);
        return eth;
    }

    /// <summary>
    /// Closes a perp position at the mark because its margin ratio fell below maintenance; the venue's
    /// liquidation fee on the notional is the loss booked to <see cref="AttributionSource.Liquidation"/>.
    /// </summary>
    internal void LiquidatePerp(Instrument perp, double marginRatio)
    {
        var size = _portfolio.Quantity(perp);
        var mark = _valuation.Mark(perp)[Hour];
        var (_, _, realised) = PerpAccounting.ApplyFill(size, _portfolio.EntryPrice(perp), -size, mark);
        var penalty = TradingCosts.OfBps(Math.Abs(size) * mark, _venues.Exchange(perp.Key.Venue).LiquidationFeeBps);
        _portfolio.SetPerp(perp, 0, 0);
        Change(InstrumentRegistry.MarginAccount(perp), realised - penalty);
        Book(AttributionSource.Liquidation, -penalty * _valuation.ScPrice(Asset.Usdt)[Hour]);
        Liquidations++;
        _events.Add(new LiquidationEvent(Time, perp.Key.ToString(), size, mark, marginRatio, penalty));
    }

    /// <summary>
    /// AAVE liquidation once the health factor is below 1: a liquidator repays the close factor of the debt (all of
    /// it below the full-close health factor) and seizes collateral worth the repayment plus the liquidation bonus;
    /// the bonus is the loss, booked to <see cref="AttributionSource.Liquidation"/>. Borrowing is eMode only, so one
    /// debt is liquidated against the largest collateral. When the seizure takes the last collateral and debt is left,
    /// that debt is bad debt: the loan is non-recourse, so the protocol writes it off (a gain to the account, also
    /// booked to <see cref="AttributionSource.Liquidation"/>) and the loop's equity ends at zero, not below.
    /// </summary>
    internal void LiquidateAave(double healthFactor)
    {
        var aave = _venues.Aave;
        Instrument? debt = null, collateral = null;
        foreach (var instrument in _valuation.Instruments)
        {
            if (_portfolio.Quantity(instrument) == 0)
            {
                continue;
            }

            if (instrument.IsDebt)
            {
                debt ??= instrument;
            }
            else if (instrument.Key.Type == PositionType.AToken && (collateral is null || _valuation.ValueSc(_portfolio, instrument, Hour) > _valuation.ValueSc(_portfolio, collateral, Hour)))
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
        var debtSc = -_valuation.ValueSc(_portfolio, debt, Hour);
        var collateralSc = _valuation.ValueSc(_portfolio, collateral, Hour);
        var seizesAll = closeFactor * debtSc * (1 + bonus) >= collateralSc;
        var repaidSc = seizesAll ? collateralSc / (1 + bonus) : closeFactor * debtSc;
        var seizedSc = repaidSc * (1 + bonus);
        var seizedUnits = _portfolio.Quantity(collateral) * (seizedSc / collateralSc) * _valuation.Index(collateral)[Hour];
        _portfolio.Add(debt, -_portfolio.Quantity(debt) * (repaidSc / debtSc));
        _portfolio.Add(collateral, seizesAll ? -_portfolio.Quantity(collateral) : -_portfolio.Quantity(collateral) * (seizedSc / collateralSc));
        var penaltySc = repaidSc * bonus;
        Book(AttributionSource.Liquidation, -penaltySc);
        Liquidations++;
        var scPerUsd = _valuation.ScPrice(Asset.Usdt)[Hour];
        _events.Add(new LiquidationEvent(Time, collateral.Key.ToString(), -seizedUnits, _valuation.UnderlyingPerUnit(collateral, Hour) / _valuation.Index(collateral)[Hour], healthFactor, penaltySc / scPerUsd));
        if (seizesAll && repaidSc < debtSc && !HoldsCollateral())
        {
            WriteOffBadDebt(debt);
        }
    }

    private bool HoldsCollateral()
    {
        foreach (var instrument in _valuation.Instruments)
        {
            if (instrument.Key.Type == PositionType.AToken && _portfolio.Quantity(instrument) > 0)
            {
                return true;
            }
        }

        return false;
    }

    private void WriteOffBadDebt(Instrument debt)
    {
        var badDebtSc = -_valuation.ValueSc(_portfolio, debt, Hour);
        var underlying = AaveAccounting.Underlying(_portfolio.Quantity(debt), _valuation.Index(debt)[Hour]);
        _portfolio.Add(debt, -_portfolio.Quantity(debt));
        Book(AttributionSource.Liquidation, badDebtSc);
        BadDebt += badDebtSc;
        _events.Add(new BadDebtEvent(Time, debt.Key.ToString(), underlying, badDebtSc / _valuation.ScPrice(Asset.Usdt)[Hour]));
    }

    /// <summary>Applies a deposit or withdrawal to the wallet's share-class balance (flows are not P&amp;L).</summary>
    internal void Flow(Instrument wallet, double amount, double fromFreeCash)
    {
        _portfolio.Add(wallet, amount);
        _events.Add(new FlowEvent(Time, amount, fromFreeCash));
    }

    /// <summary>Credits a settlement (funding, rewards) valued at the previous hour's prices.</summary>
    internal void Settle(Instrument balance, double amount, AttributionSource source, double scPricePrevious)
    {
        Change(balance, amount);
        Book(source, amount * scPricePrevious);
    }

    internal void Record(SimulationEvent simulationEvent) => _events.Add(simulationEvent);

    /// <summary>Gas for one step: paid now outside a plan; inside one the plan pays once.</summary>
    private double StepGas(GasOperation operation) => _inPlan ? 0 : PayGas(operation);

    private void RequireHeld(Instrument instrument, double quantity, Func<string> describe)
    {
        // Relative slack for the last bits of a computed "everything".
        if (quantity > _portfolio.Quantity(instrument) * (1 + 1e-12) + 1e-15)
        {
            throw new InsufficientBalanceException($"cannot {describe()}");
        }
    }

    private void BookTradingCosts(double feeUsd, double slippageUsd)
    {
        var usdtSc = _valuation.ScPrice(Asset.Usdt)[Hour];
        Book(AttributionSource.TradingFees, -feeUsd * usdtSc);
        Book(AttributionSource.Slippage, -slippageUsd * usdtSc);
    }

    private void Book(AttributionSource source, double amountSc) => _hourSources[(int)source] += amountSc;

    private void Change(Instrument instrument, double delta)
    {
        RequireSubscribed(instrument);
        _portfolio.Add(instrument, delta);
    }

    private void RequireSubscribed(Instrument instrument)
    {
        if (!_valuation.IsSubscribed(instrument))
        {
            throw new InvalidOperationException($"The strategy changed {instrument}, which it does not declare in its instruments.");
        }
    }

    private static Instrument ReserveUnderlying(Instrument aToken) => aToken.AaveReserve switch
    {
        "USDT" => InstrumentRegistry.Balance(Venue.Wallet, Asset.Usdt),
        "WETH" => InstrumentRegistry.Balance(Venue.Wallet, Asset.Eth),
        "weETH" => InstrumentRegistry.Lst(LstToken.WeEth),
        "wstETH" => InstrumentRegistry.Lst(LstToken.WstEth),
        _ => throw new InvalidOperationException($"{aToken} has no known underlying."),
    };

    private static void RequireType(Instrument instrument, PositionType type)
    {
        if (instrument.Key.Type != type)
        {
            throw new ArgumentException($"Expected a {InstrumentKey.TypeName(type)} position, got {instrument}.", nameof(instrument));
        }
    }

    private static void RequirePositive(double amount, string name)
    {
        if (!(amount > 0) || !double.IsFinite(amount))
        {
            throw new ArgumentOutOfRangeException(name, amount, "Amount must be a positive finite number.");
        }
    }
}
