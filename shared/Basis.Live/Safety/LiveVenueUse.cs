using Basis.Venues.Exchanges;

namespace Basis.Live.Safety;

/// <summary>The venues a live instance trades on, which decide the credentials real execution needs.</summary>
/// <param name="Exchanges">The centralised exchanges (each needs its API keys).</param>
/// <param name="UsesChain">True when the instance sends Ethereum transactions (it needs the private key).</param>
public sealed record LiveVenueUse(IReadOnlySet<ExchangeVenue> Exchanges, bool UsesChain);
