using System.Globalization;
using Basis.Core.Instruments;
using Basis.Core.Simulation;
using Basis.Core.Trading;

namespace Basis.Core.Strategies;

/// <summary>
/// A short perp hedge split over venues with USDT margin on each: when it needs rebalancing, sizing the shorts,
/// and sharing the margin out. Used by the basis and hedged-staking strategies, which differ only in their long leg.
/// </summary>
internal sealed class PerpHedge
{
    private const double MinimumTransferUsdt = 10;

    /// <summary>Below a cent, a venue's missing USDT is rounding, not worth two fills.</summary>
    private const double NegligibleUsdt = 0.01;

    private readonly HedgeAllocation _allocation;
    private readonly double _topUp;
    private readonly double _excess;
    private readonly double _maxDeltaDrift;
    private readonly double _deviationThreshold;
    private readonly Instrument _walletUsdt = InstrumentRegistry.Balance(Venue.Wallet, Asset.Usdt);

    public PerpHedge(Asset asset, HedgeAllocation allocation, double topUp, double excess, double maxDeltaDrift, double deviationThreshold)
    {
        _allocation = allocation;
        _topUp = topUp;
        _excess = excess;
        _maxDeltaDrift = maxDeltaDrift;
        _deviationThreshold = deviationThreshold;
        Perps = allocation.ActiveVenues.Select(v => InstrumentRegistry.Perp(v, asset)).ToArray();
    }

    /// <summary>The perps, one per venue with a non-zero allocation.</summary>
    public IReadOnlyList<Instrument> Perps { get; }

    /// <summary>The perps and their margin accounts, for a strategy's instruments.</summary>
    public IEnumerable<Instrument> Instruments => Perps.SelectMany(p => new[] { InstrumentRegistry.MarginAccount(p), p });

    /// <summary>The venues the hedge is on, for decisions' text.</summary>
    public string VenueList => string.Join(", ", Perps.Select(p => p.Key.Venue.Name()));

    /// <summary>Equity at the last rebalance, for the deviation trigger.</summary>
    public double LastRebalanceEquity { get; set; }

    /// <summary>
    /// Why the book needs rebalancing, or null: a short is gone (liquidated), a venue's margin ratio left its band,
    /// the shorts drifted from <paramref name="longUnits"/> by more than the drift limit, or equity moved by the
    /// deviation threshold since the last rebalance.
    /// </summary>
    public string? RebalanceReason(StrategyContext context, double longUnits, string longLeg)
    {
        if (Perps.FirstOrDefault(p => context.Quantity(p) == 0) is { } missing)
        {
            return $"there is no short on {missing.Key.Venue.Name()} (liquidated), so the hedge is incomplete";
        }

        foreach (var perp in Perps)
        {
            var ratio = context.MarginRatio(perp);
            if (ratio < _topUp)
            {
                return $"margin ratio on {perp.Key.Venue.Name()} is {Format(ratio)}, below the top-up threshold {Format(_topUp)}";
            }

            if (ratio > _excess)
            {
                return $"margin ratio on {perp.Key.Venue.Name()} is {Format(ratio)}, above the excess threshold {Format(_excess)}";
            }
        }

        var delta = longUnits + Perps.Sum(context.Quantity);
        if (longUnits > 0 && Math.Abs(delta) / longUnits > _maxDeltaDrift)
        {
            return $"net delta {Format(delta)} is {Math.Abs(delta) / longUnits:P2} of the {longLeg}, above {_maxDeltaDrift:P2}";
        }

        var deviation = Math.Abs(context.EquitySc - LastRebalanceEquity) / LastRebalanceEquity;
        return deviation > _deviationThreshold
            ? $"equity moved {deviation:P2} since the last rebalance, above the {_deviationThreshold:P2} threshold"
            : null;
    }

    /// <summary>Trades each perp to its share of a short of <paramref name="units"/>.</summary>
    public void ShortTo(StrategyContext context, double units, string reason)
    {
        foreach (var perp in Perps)
        {
            context.Submit(new PerpOrder(perp, (-units * _allocation.Of(perp.Key.Venue)) - context.Quantity(perp), reason));
        }
    }

    /// <summary>
    /// Moves USDT so each venue's collateral (USDT + unrealised P&amp;L; plain USDT for a venue without a perp) is its
    /// share of <paramref name="marginBudget"/> and the wallet holds <paramref name="cashToFree"/>. When the costs of the
    /// rebalance, and the withdrawal fees settling will pay, leave less than the budget, every venue gets the same
    /// share of its target rather than the last one short. A venue pays out and spends only its USDT: unrealised
    /// profit it would need for that is realised first.
    /// </summary>
    public void SettleMargin(StrategyContext context, double marginBudget, double cashToFree, IEnumerable<Venue> extraVenues, string reason)
    {
        var venues = Perps.Select(p => p.Key.Venue).Concat(extraVenues).Distinct().ToList();
        var surpluses = Surpluses(context, venues, marginBudget, cashToFree);
        var realised = false;
        foreach (var perp in Perps)
        {
            realised |= RealiseProfit(context, perp, surpluses[InstrumentRegistry.MarginAccount(perp)], reason);
        }

        if (realised)
        {
            surpluses = Surpluses(context, venues, marginBudget, cashToFree);
        }

        UsdtTransfers.Settle(context, [.. surpluses.Select(s => (s.Key, s.Value))], MinimumTransferUsdt, reason);
        LastRebalanceEquity = context.EquitySc - cashToFree;
    }

    /// <summary>Each account's surplus over its target (the wallet first), with the targets scaled to what is available.</summary>
    private Dictionary<Instrument, double> Surpluses(StrategyContext context, IReadOnlyList<Venue> venues, double marginBudget, double cashToFree)
    {
        var held = venues.ToDictionary(v => v, v => Perps.FirstOrDefault(p => p.Key.Venue == v) is { } perp
            ? context.MarginCollateralUsd(perp)
            : context.Quantity(InstrumentRegistry.Balance(v, Asset.Usdt)));
        var wallet = context.Quantity(_walletUsdt) - cashToFree;
        var available = wallet + held.Values.Sum() - UsdtTransfers.FeeAllowance(context, venues.Select(v => InstrumentRegistry.Balance(v, Asset.Usdt)));
        // No budget (everything freed, as in the emergency unwind) has no share to scale; 0/0 would be NaN.
        var scale = marginBudget > 0 ? Math.Min(1, available / marginBudget) : 0;

        var surpluses = new Dictionary<Instrument, double> { [_walletUsdt] = wallet };
        foreach (var venue in venues)
        {
            surpluses[InstrumentRegistry.Balance(venue, Asset.Usdt)] = held[venue] - (marginBudget * scale * _allocation.Of(venue));
        }

        return surpluses;
    }

    /// <summary>
    /// Realises the part of a perp's unrealised profit that its venue's USDT cannot do without once the venue holds
    /// its target: what a surplus venue pays out (with the withdrawal fee), or what a deficit venue has already spent
    /// (a spot purchase). Closes that fraction of the position and reopens it at the mark, paying fees and slippage
    /// on both fills, as on the real venues. Returns whether it traded.
    /// </summary>
    private static bool RealiseProfit(StrategyContext context, Instrument perp, double surplus, string reason)
    {
        var usdt = context.Quantity(InstrumentRegistry.MarginAccount(perp));
        var profit = context.MarginCollateralUsd(perp) - usdt;
        var fee = surplus > MinimumTransferUsdt ? context.Venues.Exchange(perp.Key.Venue).UsdtWithdrawalFee : 0;
        var shortfall = surplus + fee - usdt;
        if (profit <= 0 || shortfall <= NegligibleUsdt)
        {
            return false;
        }

        var size = context.Quantity(perp) * Math.Min(1, shortfall / profit);
        var why = $"{reason}; realise {Format(Math.Min(shortfall, profit))} USDT of unrealised profit on {perp.Key.Venue.Name()}, which its USDT cannot pay";
        context.Submit(new PerpOrder(perp, -size, why));
        context.Submit(new PerpOrder(perp, size, why));
        return true;
    }

    /// <summary>Writes the equity at the last rebalance.</summary>
    public void WriteState(BinaryWriter writer) => writer.Write(LastRebalanceEquity);

    /// <summary>Restores what <see cref="WriteState"/> wrote.</summary>
    public void ReadState(BinaryReader reader) => LastRebalanceEquity = reader.ReadDouble();

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
