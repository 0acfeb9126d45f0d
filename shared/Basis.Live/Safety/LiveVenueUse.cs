using Basis.Venues.Exchanges;

namespace Basis.Live.Safety;

/// <summary>The venues a live instance trades on, which decide the credentials real execution needs.</summary>
/// <param name="Exchanges">The centralised exchanges (each needs its API keys).</param>
/// <param name="UsesChain">True when the instance sends Ethereum transactions (it needs the private key).</param>
public sealed record LiveVenueUse(IReadOnlySet<ExchangeVenue> Exchanges, bool UsesChain)
{
    /// <summary>The name of the chain among an instance's venues.</summary>
    public const string Chain = "ethereum";

    /// <summary>The use of an instance's venues, named as the instance names them (<c>binance</c>, <c>ethereum</c>).</summary>
    public static LiveVenueUse Of(IEnumerable<string> venues)
    {
        ArgumentNullException.ThrowIfNull(venues);
        var named = venues.ToList();
        return new(
            named.Where(v => v != Chain).Select(v => Enum.Parse<ExchangeVenue>(v, ignoreCase: true)).ToHashSet(),
            named.Contains(Chain));
    }
}
