using Basis.Core.Accounting;
using Basis.Core.Events;
using Basis.Core.Instruments;
using Basis.Core.Settings;

namespace Basis.Core.Simulation;

/// <summary>
/// Fills a strategy's actions at the hour's prices, as they would be filled live: every action pays its venue
/// fee, its slippage from the execution-cost table and its gas, and each cost is booked to its attribution source
/// as it is paid. Apart from those costs an action moves value between positions without creating or destroying
/// any, which is what keeps attribution reconciled with equity.
/// </summary>
public sealed class SimulatedExecution
{
    private readonly Portfolio _portfolio;
    private readonly ValuationModel _valuation;
    private readonly VenueSettings _venues;
    private readonly List<SimulationEvent> _events;
    private readonly double[] _hourSources;
    private readonly Instrument _walletEth = InstrumentRegistry.Balance(Venue.Wallet, Asset.Eth);

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

    internal int Hour { get; set; }

    private DateTime Time => _valuation.Grid.TimeOf(Hour);

    /// <summary>ETH that <paramref name="operation"/> costs in gas at this hour.</summary>
    public double GasCostEth(GasOperation operation) =>
        GasAccounting.CostEth(_valuation.GasPriceGwei[Hour], _venues.Gas.UnitsOf(operation));

    /// <summary>Records a decision to act (entry, rebalance, exit, dust sale) and why.</summary>
    public void Decide(string action, string reason)
    {
        if (action != "entry_full")
        {
            Rebalances++;
        }

        _events.Add(new RebalanceEvent(Time, action, reason, _valuation.EquitySc(_portfolio, Hour)));
    }

    /// <summary>Supplies <paramref name="amount"/> of the reserve's underlying from the wallet to AAVE.</summary>
    public void Supply(Instrument aToken, double amount, string reason)
    {
        RequireType(aToken, PositionType.AToken);
        RequirePositive(amount, nameof(amount));
        var source = ReserveUnderlying(aToken);
        var index = _valuation.Index(aToken)[Hour];
        var gas = PayGas(GasOperation.CollateralSupplied);
        var scaled = AaveAccounting.ScaledAmount(amount, index);
        Change(source, -amount);
        Change(aToken, scaled);
        _events.Add(new SupplyEvent(Time, aToken.Key.ToString(), amount, scaled, index, gas, reason));
    }

    /// <summary>Stakes <paramref name="eth"/> from the wallet into <paramref name="lst"/> at the protocol (oracle) rate.</summary>
    public void Stake(LstToken lst, double eth, string reason)
    {
        RequirePositive(eth, nameof(eth));
        var token = InstrumentRegistry.Lst(lst);
        var rate = _valuation.LstRate(lst)[Hour];
        var gas = PayGas(GasOperation.StakeDeposit);
        var units = LstAccounting.MintUnits(eth, rate);
        Change(_walletEth, -eth);
        Change(token, units);
        _events.Add(new StakeEvent(Time, token.Key.ToString(), eth, units, rate, gas, reason));
    }

    /// <summary>
    /// Moves <paramref name="amount"/> of a token between own balances. From the wallet it is an on-chain send
    /// (gas); from an exchange it is a withdrawal that pays the exchange's flat fee on top of the amount.
    /// </summary>
    public void Transfer(Instrument from, Instrument to, double amount, string reason)
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

            fee = _venues.Exchange(from.Key.Venue).UsdtWithdrawalFee;
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
    public void SpotTrade(Venue venue, Asset asset, double baseDelta, string reason)
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
    public void PerpTrade(Instrument perp, double sizeDelta, string reason)
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
    public void SellOnDex(Asset token, double amount, string reason)
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

    /// <summary>Pays gas for an operation from the wallet's ETH and books it; returns the ETH paid.</summary>
    public double PayGas(GasOperation operation)
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

    /// <summary>Credits a settlement (funding, rewards) valued at the previous hour's prices.</summary>
    internal void Settle(Instrument balance, double amount, AttributionSource source, double scPricePrevious)
    {
        Change(balance, amount);
        Book(source, amount * scPricePrevious);
    }

    internal void Record(SimulationEvent simulationEvent) => _events.Add(simulationEvent);

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
