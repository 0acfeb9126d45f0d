using Basis.Live.Ledger;
using Basis.Venues.Exchanges;

namespace Basis.Live.Reconciliation;

/// <summary>
/// Reads one exchange through its client: every account's balances summed per asset (wallet balances, without
/// unrealised P&amp;L, as the ledger counts them) and the open perpetual positions, all requests at once.
/// </summary>
public sealed class ExchangeReader(IPerpExchange exchange) : ILocationReader
{
    /// <summary>The ledger's name of the exchange's location: <c>binance</c>, <c>bybit</c>, <c>okx</c>.</summary>
    public string Location { get; } = LocationOf(exchange.Venue);

    public IReadOnlyList<string> Locations => [Location];

    public static string LocationOf(ExchangeVenue venue) => venue.ToString().ToLowerInvariant();

    /// <summary>
    /// The accounts whose balances the client reports separately. Binance keeps spot and USDⓈ-M futures apart; Bybit's
    /// unified and OKX's trading account are one wallet for spot and swaps (their clients report it for either account,
    /// so it is read once). Not read: Bybit's and OKX's funding accounts, which <see cref="IPerpExchange"/> cannot reach yet.
    /// </summary>
    public static IReadOnlyList<TradingAccount> AccountsOf(ExchangeVenue venue) =>
        venue == ExchangeVenue.Binance ? [TradingAccount.Spot, TradingAccount.Futures] : [TradingAccount.Futures];

    public async Task<IReadOnlyList<LocationReading>> ReadAsync(CancellationToken cancellationToken)
    {
        var balances = Task.WhenAll(AccountsOf(exchange.Venue).Select(account => exchange.GetBalancesAsync(account, cancellationToken)));
        var positions = exchange.GetPositionsAsync(cancellationToken);
        // Both awaited together, so a failure of one is never left unobserved behind the other's.
        await Task.WhenAll(balances, positions).ConfigureAwait(false);
        var summed = (await balances.ConfigureAwait(false)).SelectMany(account => account)
            .GroupBy(balance => balance.Asset, StringComparer.Ordinal)
            .Select(asset => new TokenBalance(Location, asset.Key, asset.Sum(balance => balance.Total)))
            .ToList();
        return [LocationReading.Read(Location, summed, await positions.ConfigureAwait(false))];
    }
}
