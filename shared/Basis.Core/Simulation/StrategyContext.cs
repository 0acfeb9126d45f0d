using Basis.Core.Accounting;
using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Trading;

namespace Basis.Core.Simulation;

/// <summary>
/// What a strategy sees at an hour, read-only: its positions valued at the hour's prices, the market and the risk
/// figures. It acts only by emitting intents (<see cref="Submit"/>), which the execution desk carries out before
/// <see cref="Submit"/> returns, so the view always shows the positions after what the strategy has done so far.
/// </summary>
public sealed class StrategyContext
{
    private readonly Portfolio _portfolio;
    private readonly ValuationModel _valuation;
    private readonly IExecutionDesk _desk;

    internal StrategyContext(Portfolio portfolio, ValuationModel valuation, IExecutionDesk desk, VenueSettings venues)
    {
        _portfolio = portfolio;
        _valuation = valuation;
        _desk = desk;
        Venues = venues;
    }

    /// <summary>The hour index on the run's grid.</summary>
    public int Hour { get; internal set; }

    /// <summary>The hour's UTC time.</summary>
    public DateTime Time => _valuation.Grid.TimeOf(Hour);

    /// <summary>True at the first hour, when the strategy enters.</summary>
    public bool IsEntry => Hour == 0;

    /// <summary>Venue parameters (fees, margins, gas units).</summary>
    public VenueSettings Venues { get; }

    /// <summary>Records a decision to act (entry, rebalance, exit, dust sale) and why, before the intents that carry it out.</summary>
    public void Decide(string action, string reason) => _desk.Decide(action, reason);

    /// <summary>
    /// Hands an intent to the execution desk, which carries it out before returning. Returns false when the desk
    /// refused it (an atomic plan that could not be done or would breach its health-factor floor).
    /// </summary>
    public bool Submit(TradeIntent intent) => _desk.Execute(intent);

    /// <summary>ETH that <paramref name="operation"/> costs in gas at this hour.</summary>
    public double GasCostEth(GasOperation operation) =>
        GasAccounting.CostEth(_valuation.GasPriceGwei[Hour], Venues.Gas.UnitsOf(operation));

    /// <summary>The fee AAVE charges on a flash loan of <paramref name="eth"/>.</summary>
    public double FlashLoanFeeEth(double eth) => TradingCosts.OfBps(eth, Venues.Aave.FlashLoanFeeBps);

    /// <summary>LST units minted for <paramref name="eth"/> staked at the hour's protocol rate.</summary>
    public double LstMintUnits(LstToken lst, double eth) => LstAccounting.MintUnits(eth, _valuation.LstRate(lst)[Hour]);

    /// <summary>
    /// What an intent moves, in USD at the hour's prices: the order's notional, the amount supplied, borrowed, staked,
    /// sold or transferred; for an atomic plan its largest step. Calls without a size (flash repayment, unwrapping) are 0.
    /// </summary>
    public double NotionalUsd(TradeIntent intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var ethUsd = PriceUsd(Asset.Eth);
        return Math.Abs(intent switch
        {
            AaveSupply supply => ReserveUsd(supply.AToken, supply.Amount),
            AaveWithdraw withdraw => ReserveUsd(withdraw.AToken, withdraw.Amount),
            AaveBorrow borrow => ReserveUsd(borrow.DebtToken, borrow.Amount),
            AaveRepay repay => ReserveUsd(repay.DebtToken, repay.Amount),
            LstStake stake => stake.Eth * ethUsd,
            LstSale sale => sale.Units * _valuation.UnderlyingPerUnit(InstrumentRegistry.Lst(sale.Lst), Hour) * ethUsd,
            EthSwap swap => swap.EthDelta * ethUsd,
            DexSale sale => sale.Amount * PriceUsd(sale.Token),
            SpotOrder order => order.BaseDelta * PriceUsd(order.Asset),
            PerpOrder order => order.SizeDelta * Mark(order.Perp),
            TokenTransfer transfer => transfer.Amount * PriceUsd(transfer.From.PricedIn),
            FlashBorrow flash => flash.Eth * ethUsd,
            AtomicPlan plan => plan.Steps.Select(NotionalUsd).DefaultIfEmpty(0).Max(),
            RewardUnwrap or FlashRepay => 0,
            _ => throw new NotSupportedException($"No notional is defined for a {intent.GetType().Name}."),
        });
    }

    /// <summary>Equity in the share class at the hour's prices.</summary>
    public double EquitySc => _valuation.EquitySc(_portfolio, Hour);

    /// <summary>The held quantity (units, scaled balance or signed perp size).</summary>
    public double Quantity(Instrument instrument) => _portfolio.Quantity(instrument);

    /// <summary>Units of the priced-in asset a position is worth (aToken underlying × LST rate; debt as a positive amount).</summary>
    public double UnderlyingUnits(Instrument instrument) =>
        _portfolio.Quantity(instrument) * _valuation.UnderlyingPerUnit(instrument, Hour);

    /// <summary>Share-class value of a position (negative for debt; unrealised P&amp;L for perps).</summary>
    public double ValueSc(Instrument instrument) => _valuation.ValueSc(_portfolio, instrument, Hour);

    /// <summary>USD price of an asset.</summary>
    public double PriceUsd(Asset asset) => _valuation.UsdPrice(asset)[Hour];

    /// <summary>Price of one unit of an asset in the share class.</summary>
    public double PriceSc(Asset asset) => _valuation.ScPrice(asset)[Hour];

    /// <summary>Units of the AAVE reserve's token an aToken or debt position holds: scaled balance × index.</summary>
    public double ReserveUnits(Instrument instrument) =>
        _portfolio.Quantity(instrument) * (_valuation.IndexOrNull(instrument)?[Hour] ?? 1.0);

    /// <summary>
    /// ETH a DEX pays per LST unit, after the pool fee and slippage, for a sale of <paramref name="units"/> at the
    /// hour's market rate (slippage is bucketed by the sale's size).
    /// </summary>
    public double LstSaleEthPerUnit(LstToken lst, double units)
    {
        var pair = Venues.LstOf(lst).DexPair;
        var rate = _valuation.LstMarketRate(lst)[Hour];
        var notionalUsd = units * rate * _valuation.UsdPrice(Asset.Eth)[Hour];
        var costBps = Venues.DexPoolFeeBps(pair) + Venues.Slippage.Bps(pair, notionalUsd);
        return rate * (1 - (costBps / 10_000));
    }

    /// <summary>LST units to sell on the DEX to receive <paramref name="eth"/> after the pool fee and slippage.</summary>
    public double LstUnitsToRaise(LstToken lst, double eth)
    {
        var units = eth / LstSaleEthPerUnit(lst, 0);
        return eth / LstSaleEthPerUnit(lst, units);
    }

    /// <summary>USD value of <paramref name="amount"/> units of an AAVE reserve's token (an LST reserve at its rate).</summary>
    private double ReserveUsd(Instrument reserveToken, double amount) =>
        amount * _valuation.UnderlyingPerUnit(reserveToken, Hour) / (_valuation.IndexOrNull(reserveToken)?[Hour] ?? 1.0) * PriceUsd(reserveToken.PricedIn);

    /// <summary>A perp's mark price.</summary>
    public double Mark(Instrument perp) => _valuation.Mark(perp)[Hour];

    /// <summary>A perp's margin ratio: (venue USDT + unrealised P&amp;L) / (|size| × mark).</summary>
    public double MarginRatio(Instrument perp) => RiskMeter.MarginRatio(_portfolio, _valuation, perp, Hour);

    /// <summary>The venue collateral behind a perp: venue USDT + unrealised P&amp;L.</summary>
    public double MarginCollateralUsd(Instrument perp) => RiskMeter.MarginCollateral(_portfolio, _valuation, perp, Hour);
}
