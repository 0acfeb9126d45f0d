using Basis.Core.Instruments;
using Basis.Core.Settings;

namespace Basis.Core.Strategies;

/// <summary>How a perp hedge is split over venues; fractions sum to 1 and a 0 skips the venue.</summary>
public sealed record HedgeAllocation(double Binance, double Bybit, double Okx)
{
    /// <summary>The default split of the original configs: 0.4 / 0.3 / 0.3.</summary>
    public static HedgeAllocation Default { get; } = new(0.4, 0.3, 0.3);

    /// <summary>The fraction of the hedge on <paramref name="venue"/>.</summary>
    public double Of(Venue venue) => venue switch
    {
        Venue.Binance => Binance,
        Venue.Bybit => Bybit,
        Venue.Okx => Okx,
        _ => 0,
    };

    /// <summary>Venues with a non-zero share, in reporting order.</summary>
    public IReadOnlyList<Venue> ActiveVenues => VenueNames.PerpVenues.Where(v => Of(v) > 0).ToList();

    /// <summary>The optional <c>hedge_allocation</c> mapping; the three weights must sum to 1.</summary>
    internal static HedgeAllocation Bind(IParameterReader reader)
    {
        var allocation = reader.OptionalChild("hedge_allocation") is { } split
            ? new HedgeAllocation(split.Required<double>("binance", 0, 1), split.Required<double>("bybit", 0, 1), split.Required<double>("okx", 0, 1))
            : Default;
        var sum = allocation.Binance + allocation.Bybit + allocation.Okx;
        if (!reader.HasErrors && Math.Abs(sum - 1) > 1e-9)
        {
            reader.AddError("hedge_allocation", $"weights must sum to 1 (got {sum} = binance {allocation.Binance} + bybit {allocation.Bybit} + okx {allocation.Okx}); to skip a venue set all three, e.g. --set \"hedge_allocation={{binance: 0.5, bybit: 0.5, okx: 0}}\"");
        }

        return allocation;
    }

    /// <summary>Reports a top-up threshold at or below an active venue's maintenance margin: the venue would liquidate first.</summary>
    internal void RequireTopUpAboveMaintenance(IParameterReader reader, double topUp, VenueSettings venues)
    {
        foreach (var venue in ActiveVenues)
        {
            if (venues.Exchanges.TryGetValue(venue, out var exchange) && topUp <= exchange.MaintenanceMargin)
            {
                reader.AddError("margin_topup_threshold", $"must be above {venue.Name()}'s maintenance margin ({exchange.MaintenanceMargin}), or the venue liquidates before the strategy tops up (got {topUp})");
            }
        }
    }
}
