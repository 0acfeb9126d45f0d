using System.Globalization;
using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Trading;

namespace Basis.Core.Strategies;

/// <summary>
/// Holds the whole ETH share class as a liquid staking token minted at the protocol rate; yield is the growth of
/// the LST/ETH rate. Optionally collects EtherFi seasonal rewards and sells them back into ETH once they are
/// worth more than the dust threshold.
/// </summary>
public sealed class StakingStrategy : IStrategy
{
    private readonly StakingParameters _parameters;
    private readonly RewardTokenSales _rewards;
    private readonly Instrument _walletEth = InstrumentRegistry.Balance(Venue.Wallet, Asset.Eth);

    /// <summary>Creates the strategy for a staking mode.</summary>
    public StakingStrategy(ModeSettings mode, StakingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(parameters);
        if (mode.ShareClass != ShareClass.Eth)
        {
            throw new StrategySetupException($"Mode {mode.Mode}: staking only reports in ETH (share_class: ETH).");
        }

        Mode = mode.Mode;
        _parameters = parameters;
        _rewards = new RewardTokenSales(mode, parameters.Lst, parameters.Rewards);
        Instruments = [_walletEth, InstrumentRegistry.Lst(parameters.Lst), .. _rewards.Instruments];
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
        _rewards.SellDust(context);

        var idle = context.Quantity(_walletEth) - context.GasCostEth(GasOperation.StakeDeposit);
        if (idle <= 0)
        {
            return;
        }

        if (context.IsEntry)
        {
            context.Decide(StrategyActions.EntryFull, $"stake the capital ({idle.ToString("0.######", CultureInfo.InvariantCulture)} ETH) into {_parameters.Lst.Symbol()}");
        }
        else
        {
            var share = idle / context.EquitySc;
            if (share <= _parameters.PositionDeviationThreshold)
            {
                return;
            }

            context.Decide(StrategyActions.EntryPartial, $"idle ETH is {share:P2} of equity, above the {_parameters.PositionDeviationThreshold:P2} threshold");
        }

        context.Submit(new LstStake(_parameters.Lst, idle, "stake idle ETH"));
    }

    /// <inheritdoc />
    public void RaiseCash(StrategyContext context, double amountSc, string purpose)
    {
        ArgumentNullException.ThrowIfNull(context);
        var lst = InstrumentRegistry.Lst(_parameters.Lst);
        var needed = amountSc - context.Quantity(_walletEth) + context.GasCostEth(GasOperation.TokenSwap);
        var units = Math.Min(context.LstUnitsToRaise(_parameters.Lst, needed), context.Quantity(lst));
        context.Decide(StrategyActions.ExitPartial, $"sell {units.ToString("0.######", CultureInfo.InvariantCulture)} {_parameters.Lst.Symbol()} on a DEX for {purpose}");
        context.Submit(new LstSale(_parameters.Lst, units, purpose));
    }

    /// <inheritdoc />
    /// <remarks>Staking decides from its positions alone.</remarks>
    public void WriteState(BinaryWriter writer) => ArgumentNullException.ThrowIfNull(writer);

    /// <inheritdoc />
    public void ReadState(BinaryReader reader) => ArgumentNullException.ThrowIfNull(reader);
}
