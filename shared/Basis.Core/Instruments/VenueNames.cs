using System.Collections.Frozen;

namespace Basis.Core.Instruments;

/// <summary>The text names of venues as they appear in position keys and configs (<c>binance</c>, <c>aave_v3</c>, ...).</summary>
public static class VenueNames
{
    private static readonly FrozenDictionary<Venue, string> Names = new Dictionary<Venue, string>
    {
        [Venue.Wallet] = "wallet",
        [Venue.Binance] = "binance",
        [Venue.Bybit] = "bybit",
        [Venue.Okx] = "okx",
        [Venue.AaveV3] = "aave_v3",
        [Venue.EtherFi] = "etherfi",
        [Venue.Lido] = "lido",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Venue> ByName =
        Names.ToFrozenDictionary(kv => kv.Value, kv => kv.Key, StringComparer.Ordinal);

    /// <summary>The centralised exchanges that list perpetuals, in the order hedges are reported.</summary>
    public static IReadOnlyList<Venue> PerpVenues { get; } = [Venue.Binance, Venue.Bybit, Venue.Okx];

    /// <summary>All names, for error messages.</summary>
    public static IEnumerable<string> All => Names.Values;

    /// <summary>The text name of a venue.</summary>
    public static string Name(this Venue venue) => Names[venue];

    /// <summary>Looks a venue up by its text name.</summary>
    public static bool TryParse(string? name, out Venue venue) => ByName.TryGetValue(name ?? string.Empty, out venue);
}
