using System.Globalization;
using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Simulation;

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
    private const double MinimumTransferUsdt = 10;

    private readonly HedgedStakingParameters _parameters;
    private readonly LeverageLoop? _loop;
    private readonly Instrument _walletUsdt = InstrumentRegistry.Balance(Venue.Wallet, Asset.Usdt);
    private readonly Instrument _walletEth = InstrumentRegistry.Balance(Venue.Wallet, Asset.Eth);
    private readonly Instrument _lst;
    private readonly Instrument[] _perps;
    private double _lastRebalanceEquity;

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
        _perps = parameters.HedgeAllocation.ActiveVenues.Select(v => InstrumentRegistry.Perp(v, Asset.Eth)).ToArray();
        var instruments = new List<Instrument> { _walletUsdt, _walletEth, _lst };
        instruments.AddRange(_loop?.Instruments ?? []);
        foreach (var perp in _perps)
        {
            instruments.Add(InstrumentRegistry.MarginAccount(perp));
            instruments.Add(perp);
        }

        Instruments = instruments.Distinct().ToList();
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
            var reason = $"stake {_parameters.StakeAllocation:P0} of equity{(_loop is null ? string.Empty : " through the AAVE loop")} and short the net ETH on {string.Join(", ", _perps.Select(p => p.Key.Venue.Name()))}";
            context.Execution.Decide(StrategyActions.EntryFull, reason);
            RebalanceTo(context, "entry");
            return;
        }

        if (!_parameters.RiskManagement)
        {
            return;
        }

        _loop?.Rebalance(context);
        if (RebalanceReason(context) is { } trigger)
        {
            var onChainTarget = _parameters.StakeAllocation * context.EquitySc / context.PriceUsd(Asset.Eth);
            context.Execution.Decide(onChainTarget >= OnChainNetEth(context) ? StrategyActions.EntryPartial : StrategyActions.ExitPartial, trigger);
            RebalanceTo(context, trigger);
        }
    }

    /// <inheritdoc />
    public void RaiseCash(StrategyContext context, double amountSc)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reason = $"scale both legs down for a capital withdrawal of {Format(amountSc)} USDT";
        context.Execution.Decide(StrategyActions.ExitPartial, reason);
        RebalanceTo(context, reason, amountSc);
    }

    /// <summary>ETH held on-chain net of debt: wallet ETH + LST (at its collateral value) + loop collateral − loop debt.</summary>
    private double OnChainNetEth(StrategyContext context) =>
        context.Quantity(_walletEth) + context.UnderlyingUnits(_lst) + (_loop is null ? 0 : _loop.CollateralEth(context) - _loop.DebtEth(context));

    private string? RebalanceReason(StrategyContext context)
    {
        if (_perps.FirstOrDefault(p => context.Quantity(p) == 0) is { } missing)
        {
            return $"there is no short on {missing.Key.Venue.Name()} (liquidated), so the hedge is incomplete";
        }

        foreach (var perp in _perps)
        {
            var ratio = context.MarginRatio(perp);
            if (ratio < _parameters.MarginTopUpThreshold)
            {
                return $"margin ratio on {perp.Key.Venue.Name()} is {Format(ratio)}, below the top-up threshold {Format(_parameters.MarginTopUpThreshold)}";
            }

            if (ratio > _parameters.MarginExcessThreshold)
            {
                return $"margin ratio on {perp.Key.Venue.Name()} is {Format(ratio)}, above the excess threshold {Format(_parameters.MarginExcessThreshold)}";
            }
        }

        var onChain = OnChainNetEth(context);
        var delta = onChain + _perps.Sum(context.Quantity);
        if (onChain > 0 && Math.Abs(delta) / onChain > _parameters.MaxDeltaDrift)
        {
            return $"net delta {Format(delta)} ETH is {Math.Abs(delta) / onChain:P2} of the on-chain ETH, above {_parameters.MaxDeltaDrift:P2}";
        }

        var equity = context.EquitySc;
        var deviation = Math.Abs(equity - _lastRebalanceEquity) / _lastRebalanceEquity;
        return deviation > _parameters.PositionDeviationThreshold
            ? $"equity moved {deviation:P2} since the last rebalance, above the {_parameters.PositionDeviationThreshold:P2} threshold"
            : null;
    }

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

        var netEth = OnChainNetEth(context);
        foreach (var perp in _perps)
        {
            context.Execution.PerpTrade(perp, (-netEth * _parameters.HedgeAllocation.Of(perp.Key.Venue)) - context.Quantity(perp), reason);
        }

        var margin = (1 - _parameters.StakeAllocation) * equity;
        var held = _perps.ToDictionary(p => p, context.MarginCollateralUsd);
        var available = context.Quantity(_walletUsdt) - cashToFree + held.Values.Sum()
            - UsdtTransfers.FeeAllowance(context, _perps.Select(InstrumentRegistry.MarginAccount));
        var scale = Math.Min(1, available / margin);
        var accounts = new List<(Instrument Usdt, double Surplus)> { (_walletUsdt, context.Quantity(_walletUsdt) - cashToFree) };
        accounts.AddRange(_perps.Select(p => (InstrumentRegistry.MarginAccount(p), held[p] - (margin * scale * _parameters.HedgeAllocation.Of(p.Key.Venue)))));
        UsdtTransfers.Settle(context, accounts, MinimumTransferUsdt, reason);
        _lastRebalanceEquity = context.EquitySc - cashToFree;
    }

    /// <summary>Adds (buy ETH with USDT on a DEX, stake or lever) or removes (unwind, sell for USDT) net on-chain ETH.</summary>
    private void ResizeOnChain(StrategyContext context, double changeEth, string reason)
    {
        if (changeEth > 0)
        {
            context.Execution.SwapEth(changeEth, reason);
            if (_loop is null)
            {
                context.Execution.Stake(_parameters.Lst, changeEth, reason);
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
            context.Execution.SellLst(_parameters.Lst, Math.Min(context.LstUnitsToRaise(_parameters.Lst, freed), context.Quantity(_lst)), reason);
        }
        else
        {
            _loop.Deleverage(context, freed, "unwind", reason);
        }

        var received = context.Quantity(_walletEth) - walletBefore;
        if (received > 0)
        {
            context.Execution.SwapEth(-received, reason);
        }
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
