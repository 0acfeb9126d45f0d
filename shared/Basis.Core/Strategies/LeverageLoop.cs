using System.Globalization;
using Basis.Core.Accounting;
using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Trading;

namespace Basis.Core.Strategies;

/// <summary>
/// An AAVE eMode loop of LST collateral against WETH debt, built and resized only through atomic flash-loan plans
/// (DESIGN §4). Sizing, for collateral C and debt D in ETH, target LTV λ and flash fee φ:
/// <list type="bullet">
/// <item>lever (entry with new equity E, or re-lever with E = 0): flash F = (λ(C + E) − D) / (1 + φ − λ), stake E + F at
/// the oracle rate, supply it, borrow F(1 + φ), repay the flash. From nothing: F = λE/(1 − λ), so C = E/(1 − λ), D = λE/(1 − λ).</item>
/// <item>deleverage (freeing X of cash): flash F = (D − λC + λ r X / m) / (1 − λ r (1 + φ) / m), repay F of debt, withdraw
/// W = (F(1 + φ) + X) / m LST units, sell them on the DEX, repay the flash, where r is the ETH value of a unit as
/// collateral and m the ETH a DEX pays for one after pool fee and slippage.</item>
/// </list>
/// </summary>
public sealed class LeverageLoop
{
    private readonly LeverageParameters _parameters;
    private readonly Instrument _walletLst;
    private readonly Instrument _collateral;
    private readonly Instrument _debt;
    private bool _approved;

    /// <summary>Creates the loop for an LST.</summary>
    public LeverageLoop(LeverageParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters;
        _walletLst = InstrumentRegistry.Lst(parameters.Lst);
        _collateral = InstrumentRegistry.AToken(parameters.Lst.Symbol());
        _debt = InstrumentRegistry.DebtToken("WETH");
    }

    /// <summary>The positions the loop holds.</summary>
    public IReadOnlyList<Instrument> Instruments => [_walletLst, _collateral, _debt];

    /// <summary>Collateral in ETH (AAVE's valuation).</summary>
    public double CollateralEth(StrategyContext context) => context.UnderlyingUnits(_collateral);

    /// <summary>Debt in ETH.</summary>
    public double DebtEth(StrategyContext context) => context.UnderlyingUnits(_debt);

    /// <summary>Gas the next lever plan costs: the plan, plus the one-time approval and eMode switch before the first.</summary>
    public double LeverGasEth(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return LeverGas().Sum(context.GasCostEth);
    }

    /// <summary>
    /// Adds <paramref name="equityEth"/> from the wallet's ETH (0 to re-lever) and levers the loop back to the target LTV.
    /// Returns whether the plan executed.
    /// </summary>
    public bool LeverTo(StrategyContext context, double equityEth, string name, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = _parameters.TargetLtv;
        var collateral = CollateralEth(context);
        var debt = DebtEth(context);
        var flashFee = context.Venues.Aave.FlashLoanFeeBps / 10_000;
        var flash = ((target * (collateral + equityEth)) - debt) / (1 + flashFee - target);
        if (flash <= 0 && equityEth <= 0)
        {
            return false;
        }

        var stake = equityEth + Math.Max(flash, 0);
        var steps = new List<TradeIntent>();
        if (flash > 0)
        {
            steps.Add(new FlashBorrow(flash, name));
        }

        steps.Add(new LstStake(_parameters.Lst, stake, name));
        steps.Add(new AaveSupply(_collateral, context.LstMintUnits(_parameters.Lst, stake), name));
        if (flash > 0)
        {
            steps.Add(new AaveBorrow(_debt, flash + context.FlashLoanFeeEth(flash), name));
            steps.Add(new FlashRepay(name));
        }

        var executed = context.Submit(new AtomicPlan(name, reason, _parameters.HealthFactorFloor, LeverGas(), steps));
        _approved |= executed;
        return executed;
    }

    /// <summary>
    /// Reduces the loop back to the target LTV, additionally freeing <paramref name="cashOutEth"/> of ETH into the
    /// wallet. Frees everything when that needs more than the loop holds. Returns whether the plan executed.
    /// </summary>
    public bool Deleverage(StrategyContext context, double cashOutEth, string name, string reason)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = _parameters.TargetLtv;
        var collateral = CollateralEth(context);
        var debt = DebtEth(context);
        var unitsHeld = context.ReserveUnits(_collateral);
        if (collateral <= 0)
        {
            return false;
        }

        var valuePerUnit = collateral / unitsHeld;
        var flashFee = context.Venues.Aave.FlashLoanFeeBps / 10_000;
        double flash = 0, units = 0;
        var proceedsPerUnit = context.LstSaleEthPerUnit(_parameters.Lst, 1);

        // The DEX's slippage depends on the sale's size; two passes settle the bucket.
        for (var pass = 0; pass < 2; pass++)
        {
            flash = (debt - (target * collateral) + (target * valuePerUnit * cashOutEth / proceedsPerUnit))
                / (1 - (target * valuePerUnit * (1 + flashFee) / proceedsPerUnit));
            flash = Math.Clamp(flash, 0, debt);
            units = ((flash * (1 + flashFee)) + cashOutEth) / proceedsPerUnit;
            proceedsPerUnit = context.LstSaleEthPerUnit(_parameters.Lst, units);
        }

        if (units >= unitsHeld || flash >= debt)
        {
            (flash, units) = (debt, unitsHeld);
        }

        if (units <= 0)
        {
            return false;
        }

        var steps = new List<TradeIntent>();
        if (flash > 0)
        {
            steps.Add(new FlashBorrow(flash, name));
            steps.Add(new AaveRepay(_debt, flash, name));
        }

        steps.Add(new AaveWithdraw(_collateral, units, name));
        steps.Add(new LstSale(_parameters.Lst, units, name));
        if (flash > 0)
        {
            steps.Add(new FlashRepay(name));
        }

        return context.Submit(new AtomicPlan(name, reason, _parameters.HealthFactorFloor, [GasOperation.AtomicDeleverageOneSwap], steps));
    }

    /// <summary>
    /// Keeps the loop inside its band: deleverage when HF is below the floor or LTV above λ + band, re-lever when
    /// LTV is below λ − band. Returns whether it acted.
    /// </summary>
    public bool Rebalance(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var collateral = CollateralEth(context);
        var debt = DebtEth(context);
        if (collateral <= 0)
        {
            return false;
        }

        var ltv = debt / collateral;
        var healthFactor = AaveAccounting.HealthFactor(collateral * context.Venues.Aave.EMode.LiquidationThreshold, debt);
        var target = _parameters.TargetLtv;
        if (healthFactor < _parameters.HealthFactorFloor || ltv > target + _parameters.LtvBand)
        {
            var reason = healthFactor < _parameters.HealthFactorFloor
                ? $"health factor {Format(healthFactor)} is below the floor {Format(_parameters.HealthFactorFloor)}"
                : $"LTV {Format(ltv)} is above the band's top {Format(target + _parameters.LtvBand)}";
            context.Decide(StrategyActions.ExitPartial, reason);
            return Deleverage(context, 0, "deleverage", reason);
        }

        if (ltv < target - _parameters.LtvBand)
        {
            var reason = $"LTV {Format(ltv)} is below the band's bottom {Format(target - _parameters.LtvBand)}";
            context.Decide(StrategyActions.EntryPartial, reason);
            return LeverTo(context, 0, "relever", reason);
        }

        return false;
    }

    /// <summary>Writes whether the one-time approval and eMode switch are done.</summary>
    internal void WriteState(BinaryWriter writer) => writer.Write(_approved);

    /// <summary>Restores what <see cref="WriteState"/> wrote.</summary>
    internal void ReadState(BinaryReader reader) => _approved = reader.ReadBoolean();

    private GasOperation[] LeverGas() =>
        _approved ? [GasOperation.AtomicEntry] : [GasOperation.AtomicEntry, GasOperation.ApprovalOnce, GasOperation.SetEmodeOnce];

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
