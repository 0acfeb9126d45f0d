using System.Globalization;
using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Simulation;

namespace Basis.Core.Strategies;

/// <summary>
/// Spot/perp basis in the USDT share class: long the asset on the spot venue, short the same units in perps
/// split over venues, and collect funding. Perp margin is reserved out of equity (DESIGN §5): with margin fraction
/// m, spot = E/(1+m) and margin = mE/(1+m), split by the hedge allocation. The book is rebalanced back to those
/// targets when a venue's margin ratio leaves its band, when the hedge drifts, or when equity has moved by the
/// deviation threshold since the last rebalance.
/// </summary>
public sealed class BasisStrategy : IStrategy
{
    private const double MinimumTransferUsdt = 10;

    private readonly BasisParameters _parameters;
    private readonly Instrument _walletUsdt = InstrumentRegistry.Balance(Venue.Wallet, Asset.Usdt);
    private readonly Instrument _spot;
    private readonly Instrument[] _perps;
    private double _lastRebalanceEquity;

    /// <summary>Creates the strategy for a basis mode.</summary>
    public BasisStrategy(ModeSettings mode, BasisParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(mode);
        ArgumentNullException.ThrowIfNull(parameters);
        if (mode.ShareClass != ShareClass.Usdt)
        {
            throw new StrategySetupException($"Mode {mode.Mode}: basis trades report in USDT (share_class: USDT).");
        }

        if (parameters.Asset is not (Asset.Btc or Asset.Eth))
        {
            throw new StrategySetupException($"Mode {mode.Mode}: basis trades BTC or ETH, not {parameters.Asset.Symbol()}.");
        }

        Mode = mode.Mode;
        _parameters = parameters;
        _spot = InstrumentRegistry.Balance(parameters.SpotVenue, parameters.Asset);
        _perps = parameters.HedgeAllocation.ActiveVenues.Select(v => InstrumentRegistry.Perp(v, parameters.Asset)).ToArray();

        var instruments = new List<Instrument>
        {
            _walletUsdt,
            InstrumentRegistry.Balance(Venue.Wallet, Asset.Eth),
            InstrumentRegistry.Balance(parameters.SpotVenue, Asset.Usdt),
            _spot,
        };
        foreach (var perp in _perps)
        {
            instruments.Add(InstrumentRegistry.Balance(perp.Key.Venue, Asset.Usdt));
            instruments.Add(perp);
        }

        Instruments = instruments.Distinct().ToList();
    }

    /// <inheritdoc />
    public string Mode { get; }

    /// <inheritdoc />
    public IReadOnlyList<Instrument> Instruments { get; }

    /// <inheritdoc />
    public Asset? RiskAsset => _parameters.Asset;

    /// <inheritdoc />
    public IReadOnlyList<RewardProgram> Rewards => [];

    /// <inheritdoc />
    public void OnHour(StrategyContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.IsEntry)
        {
            context.Execution.Decide(StrategyActions.EntryFull, $"buy {_parameters.Asset.Symbol()} spot on {_parameters.SpotVenue.Name()} and short it on {string.Join(", ", _perps.Select(p => p.Key.Venue.Name()))} with margin fraction {_parameters.MarginFraction}");
            RebalanceTo(context, "entry");
            return;
        }

        var reason = RebalanceReason(context);
        if (reason is null)
        {
            return;
        }

        var targetUnits = TargetSpotUnits(context.EquitySc, context);
        context.Execution.Decide(targetUnits >= context.Quantity(_spot) ? StrategyActions.EntryPartial : StrategyActions.ExitPartial, reason);
        RebalanceTo(context, reason);
    }

    /// <inheritdoc />
    public void RaiseCash(StrategyContext context, double amountSc)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reason = $"scale both legs down for a capital withdrawal of {Format(amountSc)} USDT";
        context.Execution.Decide(StrategyActions.ExitPartial, reason);
        RebalanceTo(context, reason, amountSc);
    }

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

        var spotUnits = context.Quantity(_spot);
        var netDelta = spotUnits + _perps.Sum(context.Quantity);
        if (spotUnits > 0 && Math.Abs(netDelta) / spotUnits > _parameters.MaxDeltaDrift)
        {
            return $"net delta {Format(netDelta)} {_parameters.Asset.Symbol()} is {Math.Abs(netDelta) / spotUnits:P2} of the spot leg, above {_parameters.MaxDeltaDrift:P2}";
        }

        var equity = context.EquitySc;
        var deviation = Math.Abs(equity - _lastRebalanceEquity) / _lastRebalanceEquity;
        return deviation > _parameters.PositionDeviationThreshold
            ? $"equity moved {deviation:P2} since the last rebalance, above the {_parameters.PositionDeviationThreshold:P2} threshold"
            : null;
    }

    private double TargetSpotUnits(double equity, StrategyContext context) =>
        equity / (1 + _parameters.MarginFraction) / context.PriceUsd(_parameters.Asset);

    /// <summary>
    /// Trades spot and perps to the targets for the current equity less <paramref name="cashToFree"/>, then moves
    /// USDT so each venue holds its margin target and the wallet the cash to free. The batch fills at the hour's
    /// prices, so a venue may briefly owe USDT within it.
    /// </summary>
    private void RebalanceTo(StrategyContext context, string reason, double cashToFree = 0)
    {
        var equity = context.EquitySc - cashToFree;
        var targetUnits = TargetSpotUnits(equity, context);
        var marginBudget = equity * _parameters.MarginFraction / (1 + _parameters.MarginFraction);

        context.Execution.SpotTrade(_parameters.SpotVenue, _parameters.Asset, targetUnits - context.Quantity(_spot), reason);
        foreach (var perp in _perps)
        {
            var target = -targetUnits * _parameters.HedgeAllocation.Of(perp.Key.Venue);
            context.Execution.PerpTrade(perp, target - context.Quantity(perp), reason);
        }

        // Margin targets come from equity before this rebalance's costs; when those costs leave less USDT than
        // the targets add up to, every venue gets the same share of its target rather than the last one short.
        var venues = _perps.Select(p => p.Key.Venue).Append(_parameters.SpotVenue).Distinct().ToList();
        var held = venues.ToDictionary(v => v, v => _perps.FirstOrDefault(p => p.Key.Venue == v) is { } perp
            ? context.MarginCollateralUsd(perp)
            : context.Quantity(InstrumentRegistry.Balance(v, Asset.Usdt)));
        var available = context.Quantity(_walletUsdt) - cashToFree + held.Values.Sum()
            - UsdtTransfers.FeeAllowance(context, venues.Select(v => InstrumentRegistry.Balance(v, Asset.Usdt)));
        var scale = Math.Min(1, available / marginBudget);

        var accounts = new List<(Instrument Usdt, double Surplus)> { (_walletUsdt, context.Quantity(_walletUsdt) - cashToFree) };
        foreach (var venue in venues)
        {
            var target = marginBudget * scale * _parameters.HedgeAllocation.Of(venue);
            accounts.Add((InstrumentRegistry.Balance(venue, Asset.Usdt), held[venue] - target));
        }

        UsdtTransfers.Settle(context, accounts, MinimumTransferUsdt, reason);
        _lastRebalanceEquity = context.EquitySc - cashToFree;
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
