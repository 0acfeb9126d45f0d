using System.Collections.Concurrent;
using Basis.Venues.Exchanges;

namespace Basis.Live.Execution;

/// <summary>
/// The clients of <c>BASIS_ENVIRONMENT</c>'s venues with that environment's credentials (<see cref="ExchangeClients"/>),
/// built once and shared: the credentials, and so the accounts, belong to the environment, not to an instance.
/// </summary>
public sealed class EnvironmentExchangeClients(Func<string, string?> getVariable, HttpClient http, TimeProvider time) : IExchangeClients
{
    private readonly ConcurrentDictionary<ExchangeVenue, IPerpExchange> _clients = new();

    /// <inheritdoc />
    public IPerpExchange ClientOf(ExchangeVenue venue) =>
        _clients.GetOrAdd(venue, v => ExchangeClients.Create(v, getVariable, http, time));
}
