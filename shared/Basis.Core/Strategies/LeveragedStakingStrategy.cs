using System.Globalization;
using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Simulation;

namespace Basis.Core.Strategies;

/// <summary>
/// Leveraged staking in the ETH share class (<c>eth_leveraged</c>): the whole equity in an AAVE eMode loop of LST
/// collateral against WETH debt at the target LTV, entered with one flash-loan group. With constant staking yield y
/// and borrow rate b the equity earns (y − bλ)/(1 − λ). The loop is deleveraged before liquidation when the health
/// factor falls below its floor or LTV leaves its band, and re-levered when LTV drifts below the band.
/// </summary>
public sealed class LeveragedStakingStrategy : IStrategy
{
    private readonly LeveragedStakingParameters _parameters;
    private readonly LeverageLoop _loop;
    private readonly RewardTokenSales _rewards;
    private readonly Instrument _walletEth = InstrumentRegistry.Balance(Venue.Wallet, Asset.Eth);

    /// <summary>Creates the strategy for a leveraged staking mode.</summary>
    public LeveragedStakingStrategy(ModeSettings mode, LeveragedStakingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(parameters);
        if (mode.ShareClass != ShareClass.Eth)
        {
            throw new StrategySetupException($"Mode {mode.Mode}: leveraged staking reports in ETH (share_class: ETH).");
        }

        Mode = mode.Mode;
        _parameters = parameters;
        _loop = new LeverageLoop(parameters.Leverage);
        _rewards = new RewardTokenSales(mode, parameters.Leverage.Lst, parameters.Rewards);
        Instruments = [_walletEth, .. _loop.Instruments, .. _rewards.Instruments];
    }

    /// <inheritdoc />
    public string Mode { get; }

    /// <inheritdoc />
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <inheritdoc />
    public Asset? RiskAsset => Asset.Eth;

    /// <inheritdoc />
    public IReadOnlyList<RewardProgram> Rewards => _rewards.Programs;

    /// <inheritdoc />
    public void OnHour(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsEntry)
        {
            var equity = context.Quantity(_walletEth) - _loop.LeverGasEth(context);
            var reason = $"lever {Format(equity)} ETH to LTV {Format(_parameters.Leverage.TargetLtv)} with a flash loan";
            context.Decide(StrategyActions.EntryFull, reason);
            _loop.LeverTo(context, equity, "leverage_entry", reason);
            return;
        }

        if (!_parameters.RiskManagement)
        {
            return;
        }

        _rewards.SellDust(context);
        if (_loop.Rebalance(context))
        {
            return;
        }

        var idle = context.Quantity(_walletEth) - _loop.LeverGasEth(context);
        var share = idle / context.EquitySc;
        if (share > _parameters.PositionDeviationThreshold)
        {
            var reason = $"idle ETH is {share:P2} of equity, above the {_parameters.PositionDeviationThreshold:P2} threshold";
            context.Decide(StrategyActions.EntryPartial, reason);
            _loop.LeverTo(context, idle, "relever", reason);
        }
    }

    /// <inheritdoc />
    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _loop.WriteState(writer);
    }

    /// <inheritdoc />
    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _loop.ReadState(reader);
    }

    /// <inheritdoc />
    public void RaiseCash(StrategyContext context, double amountSc, string purpose)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cash = amountSc - context.Quantity(_walletEth) + context.GasCostEth(GasOperation.AtomicDeleverageOneSwap);
        var reason = $"unwind the loop pro rata to free {Format(amountSc)} ETH for {purpose}";
        context.Decide(StrategyActions.ExitPartial, reason);
        _loop.Deleverage(context, cash, "unwind", reason);
    }

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
