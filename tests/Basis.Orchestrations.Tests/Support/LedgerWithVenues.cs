using Basis.Live.Tests.Reconciliation;
using Basis.Orchestrations.Live;
using Basis.Testing;

namespace Basis.Orchestrations.Tests.Support;

/// <summary>
/// A live ledger in a PostgreSQL database of its own and Binance, Bybit and OKX on the exchange simulator: what the tests
/// of real instances on the exchanges start from.
/// </summary>
internal sealed class LedgerWithVenues(LiveLedgerSource source, SimulatedVenues venues) : IAsyncDisposable
{
    public LiveLedgerSource Source { get; } = source;

    public SimulatedVenues Venues { get; } = venues;

    public static async Task<LedgerWithVenues> StartAsync(PostgresServer server, CancellationToken cancellationToken) =>
        new(new LiveLedgerSource(await server.CreateDatabaseAsync()), await SimulatedVenues.StartAsync(Repository.Path(string.Empty), cancellationToken));

    public async ValueTask DisposeAsync()
    {
        await Venues.DisposeAsync();
        await Source.DisposeAsync();
    }
}
