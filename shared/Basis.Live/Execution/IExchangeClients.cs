using Basis.Venues.Exchanges;

namespace Basis.Live.Execution;

/// <summary>The exchange clients a host trades and reads real instances through, one per venue.</summary>
public interface IExchangeClients
{
    /// <summary>
    /// The client of <paramref name="venue"/>. Throws <see cref="ExchangeConfigurationException"/> when the host cannot
    /// build it (a missing credential, named without its value).
    /// </summary>
    IPerpExchange ClientOf(ExchangeVenue venue);
}
