using Basis.Core.Instruments;

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
}
