using System.Globalization;
using Basis.Core.Instruments;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Trading;

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
    private readonly BasisParameters _parameters;
    private readonly Instrument _spot;
    private readonly PerpHedge _hedge;

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
        _hedge = new PerpHedge(parameters.Asset, parameters.HedgeAllocation, parameters.MarginTopUpThreshold, parameters.MarginExcessThreshold, parameters.MaxDeltaDrift, parameters.PositionDeviationThreshold);
        Instruments = new[]
        {
            InstrumentRegistry.Balance(Venue.Wallet, Asset.Usdt),
            InstrumentRegistry.Balance(Venue.Wallet, Asset.Eth),
            InstrumentRegistry.Balance(parameters.SpotVenue, Asset.Usdt),
            _spot,
        }.Concat(_hedge.Instruments).Distinct().ToList();
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
            context.Decide(StrategyActions.EntryFull, $"buy {_parameters.Asset.Symbol()} spot on {_parameters.SpotVenue.Name()} and short it on {_hedge.VenueList} with margin fraction {_parameters.MarginFraction}");
            RebalanceTo(context, "entry");
            return;
        }

        var reason = _hedge.RebalanceReason(context, context.Quantity(_spot), $"{_parameters.Asset.Symbol()} spot leg");
        if (reason is null)
        {
            return;
        }

        var targetUnits = TargetSpotUnits(context.EquitySc, context);
        context.Decide(targetUnits >= context.Quantity(_spot) ? StrategyActions.EntryPartial : StrategyActions.ExitPartial, reason);
        RebalanceTo(context, reason);
    }

    /// <inheritdoc />
    public void WriteState(BinaryWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _hedge.WriteState(writer);
    }

    /// <inheritdoc />
    public void ReadState(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        _hedge.ReadState(reader);
    }

    /// <inheritdoc />
    public void RaiseCash(StrategyContext context, double amountSc, string purpose)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reason = $"scale both legs down to free {amountSc.ToString("0.##", CultureInfo.InvariantCulture)} USDT for {purpose}";
        context.Decide(StrategyActions.ExitPartial, reason);
        RebalanceTo(context, reason, amountSc);
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
        context.Submit(new SpotOrder(_parameters.SpotVenue, _parameters.Asset, targetUnits - context.Quantity(_spot), reason));
        _hedge.ShortTo(context, targetUnits, reason);
        var marginBudget = equity * _parameters.MarginFraction / (1 + _parameters.MarginFraction);
        _hedge.SettleMargin(context, marginBudget, cashToFree, [_parameters.SpotVenue], reason);
    }
}
