using System.Collections.Concurrent;
using Basis.Venues.Exchanges;

namespace Basis.Live.Execution;

/// <summary>
/// The clients of <c>BASIS_ENVIRONMENT</c>'s venues with that environment's credentials (<see cref="ExchangeClients"/>),
/// built once and shared: the credentials, and so the accounts, belong to the environment, not to an instance. They
/// withdraw only to <paramref name="withdrawalAllowList"/> (the host's wallet on the chain), or nowhere when it is null.
/// </summary>
public sealed class EnvironmentExchangeClients(Func<string, string?> getVariable, HttpClient http, TimeProvider time, IReadOnlySet<string>? withdrawalAllowList = null) : IExchangeClients
{
    private readonly ConcurrentDictionary<ExchangeVenue, IPerpExchange> _clients = new();

    /// <inheritdoc />
    public IPerpExchange ClientOf(ExchangeVenue venue) =>
        _clients.GetOrAdd(venue, v => ExchangeClients.Create(v, getVariable, http, time, withdrawalAllowList: withdrawalAllowList));
}
