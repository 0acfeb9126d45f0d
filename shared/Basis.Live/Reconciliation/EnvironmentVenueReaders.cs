using System.Collections.Concurrent;
using Basis.Live.Execution;
using Basis.Live.Ledger;
using Basis.Live.Safety;
using Basis.Venues.Exchanges;

namespace Basis.Live.Reconciliation;

/// <summary>
/// The venues a host reads for reconciliation: each exchange through the host's client of it (for
/// <c>BASIS_ENVIRONMENT</c>, with that environment's credentials: <see cref="EnvironmentExchangeClients"/>). An exchange
/// whose client cannot be built is unreadable, saying which variable is missing. The chain is read through the host's
/// account on it (<see cref="EnvironmentChain"/>), unreadable when the host has none or it cannot be opened.
/// </summary>
public sealed class EnvironmentVenueReaders(IExchangeClients exchanges, EnvironmentChain? chain = null) : IVenueReaders
{
    private readonly ConcurrentDictionary<string, ILocationReader> _readers = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyDictionary<string, ILocationReader> ReadersOf(LiveInstance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return instance.Venues.Distinct(StringComparer.Ordinal).ToDictionary(venue => venue, venue => _readers.GetOrAdd(venue, Build), StringComparer.Ordinal);
    }

    private ILocationReader Build(string venue)
    {
        if (venue == LiveVenueUse.Chain)
        {
            return chain?.Reader() ?? new UnreadableLocation(venue, "this host has no account on the chain set up: its balances cannot be reconciled");
        }

        if (!Enum.TryParse<ExchangeVenue>(venue, ignoreCase: true, out var exchange))
        {
            return new UnreadableLocation(venue, $"{venue} is not a venue this host reads");
        }

        try
        {
            return new ExchangeReader(exchanges.ClientOf(exchange));
        }
        catch (ExchangeConfigurationException e)
        {
            return new UnreadableLocation(venue, e.Message);
        }
    }
}
