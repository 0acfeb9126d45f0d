using System.Collections.Concurrent;
using Basis.Live.Ledger;
using Basis.Venues.Exchanges;

namespace Basis.Live.Reconciliation;

/// <summary>
/// The venues a host reads for reconciliation: each exchange through its client for <c>BASIS_ENVIRONMENT</c> with that
/// environment's credentials (<see cref="ExchangeClients"/>), built once and shared, since the credentials, and so the
/// accounts, are the environment's. An exchange whose credentials are missing is unreadable, saying which variable;
/// so is the chain, whose reading (<see cref="ChainReader"/>) hosts do not wire yet.
/// </summary>
public sealed class EnvironmentVenueReaders(Func<string, string?> getVariable, HttpClient http, TimeProvider time) : IVenueReaders
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
        if (!Enum.TryParse<ExchangeVenue>(venue, ignoreCase: true, out var exchange))
        {
            return new UnreadableLocation(venue, $"the {venue} chain is not read by hosts yet: its balances cannot be reconciled");
        }

        try
        {
            return new ExchangeReader(ExchangeClients.Create(exchange, getVariable, http, time));
        }
        catch (ExchangeConfigurationException e)
        {
            return new UnreadableLocation(venue, e.Message);
        }
    }
}
