using Basis.Live.Ledger;
using Basis.Venues.Exchanges;

namespace Basis.Live.Reconciliation;

/// <summary>
/// What one location holds as read from it: token balances (a venue's summed over its accounts) and open perpetual
/// positions; or, when it could not be read, the <see cref="Failure"/> and nothing else.
/// </summary>
public sealed record LocationReading(string Location, IReadOnlyList<TokenBalance> Balances, IReadOnlyList<PerpPosition> Perps, ReadFailure? Failure)
{
    public static LocationReading Read(string location, IReadOnlyList<TokenBalance> balances, IReadOnlyList<PerpPosition> perps) =>
        new(location, balances, perps, null);

    public static LocationReading Unreadable(string location, ReadFailure failure) => new(location, [], [], failure);
}
