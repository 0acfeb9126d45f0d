using System.Globalization;
using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Trading;

namespace Basis.Core.Strategies;

/// <summary>
/// Market-neutral staking in the USDT share class (<c>usdt_eth_staking_hedged_simple</c> and
/// <c>usdt_eth_staking_hedged_leveraged</c>). A share s of equity buys ETH on a DEX and stakes it (levered through
/// an AAVE loop in the leveraged variant); the rest is USDT margin on the exchanges, where perps short the
/// <em>net</em> on-chain ETH (collateral − debt) split by the hedge allocation. The book is resized to these targets
/// when the hedge drifts beyond <c>max_delta_drift</c>, a venue's margin ratio leaves its band, or the on-chain leg
/// drifts from s × equity: selling LST and shorts together frees USDT for margin (a rally), buying and staking
/// more does the opposite (a fall) — paying gas, DEX and exchange costs each time.
/// </summary>
public sealed class HedgedStakingStrategy : IStrategy
{
    private readonly HedgedStakingParameters _parameters;
    private readonly LeverageLoop? _loop;
    private readonly PerpHedge _hedge;
    private readonly Instrument _walletEth = InstrumentRegistry.Balance(Venue.Wallet, Asset.Eth);
    private readonly Instrument _lst;

    /// <summary>Creates the strategy for a hedged staking mode.</summary>
    public HedgedStakingStrategy(ModeSettings mode, HedgedStakingParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(parameters);
        if (mode.ShareClass != ShareClass.Usdt)
        {
            throw new StrategySetupException($"Mode {mode.Mode}: hedged staking reports in USDT (share_class: USDT).");
        }

        Mode = mode.Mode;
        _parameters = parameters;
        _loop = parameters.Leverage is { } leverage ? new LeverageLoop(leverage) : null;
        _lst = InstrumentRegistry.Lst(parameters.Lst);
        _hedge = new PerpHedge(Asset.Eth, parameters.HedgeAllocation, parameters.MarginTopUpThreshold, parameters.MarginExcessThreshold, parameters.MaxDeltaDrift, parameters.PositionDeviationThreshold);
        Instruments = new[] { InstrumentRegistry.Balance(Venue.Wallet, Asset.Usdt), _walletEth, _lst }
            .Concat(_loop?.Instruments ?? [])
            .Concat(_hedge.Instruments)
            .Distinct()
            .ToList();
    }

    /// <inheritdoc />
    public string Mode { get; }

    /// <inheritdoc />
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <inheritdoc />
    public Asset? RiskAsset => Asset.Eth;

    /// <inheritdoc />
    public IReadOnlyList<RewardProgram> Rewards => [];

    /// <inheritdoc />
    public void OnHour(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsEntry)
        {
            var reason = $"stake {_parameters.StakeAllocation:P0} of equity{(_loop is null ? string.Empty : " through the AAVE loop")} and short the net ETH on {_hedge.VenueList}";
            context.Decide(StrategyActions.EntryFull, reason);
            RebalanceTo(context, "entry");
            return;
        }

        if (!_parameters.RiskManagement)
        {
            return;
        }

        _loop?.Rebalance(context);
        if (_hedge.RebalanceReason(context, OnChainNetEth(context), "on-chain ETH") is { } trigger)
        {
            var onChainTarget = _parameters.StakeAllocation * context.EquitySc / context.PriceUsd(Asset.Eth);
            context.Decide(onChainTarget >= OnChainNetEth(context) ? StrategyActions.EntryPartial : StrategyActions.ExitPartial, trigger);
            RebalanceTo(context, trigger);
        }
    }

    /// <inheritdoc />
    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _hedge.WriteState(writer);
        _loop?.WriteState(writer);
    }

    /// <inheritdoc />
    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _hedge.ReadState(reader);
        _loop?.ReadState(reader);
    }

    /// <inheritdoc />
    public void RaiseCash(StrategyContext context, double amountSc, string purpose)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reason = $"scale both legs down to free {Format(amountSc)} USDT for {purpose}";
        context.Decide(StrategyActions.ExitPartial, reason);
        RebalanceTo(context, reason, amountSc);
    }

    /// <summary>ETH held on-chain net of debt: wallet ETH + LST (at its collateral value) + loop collateral − loop debt.</summary>
    private double OnChainNetEth(StrategyContext context) =>
        context.Quantity(_walletEth) + context.UnderlyingUnits(_lst) + (_loop is null ? 0 : _loop.CollateralEth(context) - _loop.DebtEth(context));

    /// <summary>
    /// Brings the on-chain leg to s × (equity − <paramref name="cashToFree"/>) when it is off by more than the
    /// deviation threshold, shorts the resulting net ETH, then moves USDT so each venue holds its margin target and
    /// the wallet the cash to free. Fills at the hour's prices as one batch.
    /// </summary>
    private void RebalanceTo(StrategyContext context, string reason, double cashToFree = 0)
    {
        var equity = context.EquitySc - cashToFree;
        var ethPrice = context.PriceUsd(Asset.Eth);
        var targetEth = _parameters.StakeAllocation * equity / ethPrice;
        var change = targetEth - OnChainNetEth(context);
        if (context.IsEntry || Math.Abs(change) > _parameters.PositionDeviationThreshold * targetEth)
        {
            ResizeOnChain(context, change, reason);
        }

        _hedge.ShortTo(context, OnChainNetEth(context), reason);
        _hedge.SettleMargin(context, (1 - _parameters.StakeAllocation) * equity, cashToFree, [], reason);
    }

    /// <summary>Adds (buy ETH with USDT on a DEX, stake or lever) or removes (unwind, sell for USDT) net on-chain ETH.</summary>
    private void ResizeOnChain(StrategyContext context, double changeEth, string reason)
    {
        if (changeEth > 0)
        {
            context.Submit(new EthSwap(changeEth, reason));
            if (_loop is null)
            {
                context.Submit(new LstStake(_parameters.Lst, changeEth, reason));
            }
            else
            {
                _loop.LeverTo(context, changeEth, context.IsEntry ? "leverage_entry" : "relever", reason);
            }

            return;
        }

        var freed = -changeEth;
        var walletBefore = context.Quantity(_walletEth);
        if (_loop is null)
        {
            context.Submit(new LstSale(_parameters.Lst, Math.Min(context.LstUnitsToRaise(_parameters.Lst, freed), context.Quantity(_lst)), reason));
        }
        else
        {
            _loop.Deleverage(context, freed, "unwind", reason);
        }

        var received = context.Quantity(_walletEth) - walletBefore;
        if (received > 0)
        {
            context.Submit(new EthSwap(-received, reason));
        }
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
