using System.Globalization;
using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Settings;
using Basis.Core.Simulation;

namespace Basis.Core.Strategies;

/// <summary>
/// Holds the whole ETH share class as a liquid staking token minted at the protocol rate; yield is the growth of
/// the LST/ETH rate. Optionally collects EtherFi seasonal rewards and sells them back into ETH once they are
/// worth more than the dust threshold.
/// </summary>
public sealed class StakingStrategy : IStrategy
{
    private readonly StakingParameters _parameters;
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

        if (parameters.Rewards.Enabled && parameters.Lst != LstToken.WeEth)
        {
            throw new StrategySetupException($"Mode {mode.Mode}: seasonal_rewards are EtherFi rewards and need lst_type: weETH (got {parameters.Lst.Symbol()}).");
        }

        Mode = mode.Mode;
        _parameters = parameters;
        var instruments = new List<Instrument> { _walletEth, InstrumentRegistry.Lst(parameters.Lst) };
        var rewards = new List<RewardProgram>();
        if (parameters.Rewards.Enabled)
        {
            foreach (var token in new[] { Asset.Eigen, Asset.Ethfi })
            {
                instruments.Add(InstrumentRegistry.Balance(Venue.Wallet, token));
                rewards.Add(new RewardProgram(token, SeriesId.Parse($"rewards/etherfi/{token.Symbol()}"), DataPlan.PriceSeries(mode, token), parameters.Rewards.IncludeEstimated));
            }
        }

        Instruments = instruments;
        Rewards = rewards;
    }

    /// <inheritdoc />
    public string Mode { get; }

    /// <inheritdoc />
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <inheritdoc />
    public Asset? RiskAsset => Asset.Eth;

    /// <inheritdoc />
    public IReadOnlyList<RewardProgram> Rewards { get; }

    /// <inheritdoc />
    public void OnHour(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var program in Rewards)
        {
            SellDust(context, program.Token);
        }

        var idle = context.Quantity(_walletEth) - context.Execution.GasCostEth(GasOperation.StakeDeposit);
        if (idle <= 0)
        {
            return;
        }

        if (context.IsEntry)
        {
            context.Execution.Decide(StrategyActions.EntryFull, $"stake the capital ({idle.ToString("0.######", CultureInfo.InvariantCulture)} ETH) into {_parameters.Lst.Symbol()}");
        }
        else
        {
            var share = idle / context.EquitySc;
            if (share <= _parameters.PositionDeviationThreshold)
            {
                return;
            }

            context.Execution.Decide(StrategyActions.EntryPartial, $"idle ETH is {share:P2} of equity, above the {_parameters.PositionDeviationThreshold:P2} threshold");
        }

        context.Execution.Stake(_parameters.Lst, idle, "stake idle ETH");
    }

    private void SellDust(StrategyContext context, Asset token)
    {
        var wallet = InstrumentRegistry.Balance(Venue.Wallet, token);
        var amount = context.Quantity(wallet);
        if (amount <= 0)
        {
            return;
        }

        var share = context.ValueSc(wallet) / context.EquitySc;
        if (share <= _parameters.Rewards.DustThreshold)
        {
            return;
        }

        context.Execution.Decide(StrategyActions.SellDust, $"{token.Symbol()} rewards are {share:P3} of equity, above the {_parameters.Rewards.DustThreshold:P3} dust threshold");
        context.Execution.PayGas(GasOperation.UnwrapKingToken);
        context.Execution.SellOnDex(token, amount, "sell reward tokens for ETH");
    }
}
