using Basis.Live.Ledger;
using Basis.Venues.Exchanges;

namespace Basis.Live.Reconciliation;

/// <summary>
/// Compares what the ledger says an instance holds (<see cref="LedgerPositions"/>) with what its venues and the chain
/// hold. <c>ReconcileAsync</c> reads every location concurrently and compares; <see cref="Compare"/> is the
/// comparison alone, with no I/O.
/// </summary>
public sealed class Reconciler(ReconcileTolerances tolerances)
{
    /// <summary>The item of the one line an unreadable location gets when the ledger expects nothing there.</summary>
    public const string WholeLocation = "*";

    /// <summary>
    /// What <c>LiveRuntime.ReconcileAsync(instance)</c> calls: the instance's <paramref name="venues"/> by name
    /// (<c>binance</c>, <c>bybit</c>, <c>okx</c>, <c>ethereum</c>, …), each read by its reader in
    /// <paramref name="readers"/> (an <see cref="ExchangeReader"/> per exchange, the <see cref="ChainReader"/> for the
    /// chain). A venue with no reader is reported unreadable rather than left out.
    /// </summary>
    public Task<ReconciliationReport> ReconcileAsync(
        LedgerPositions expected, IEnumerable<string> venues, IReadOnlyDictionary<string, ILocationReader> readers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(venues);
        ArgumentNullException.ThrowIfNull(readers);
        var chosen = venues.Distinct(StringComparer.Ordinal)
            .Select(venue => readers.TryGetValue(venue, out var reader) ? reader : new UnreadableLocation(venue, $"no client for venue '{venue}' in this host"))
            .Distinct();
        return ReconcileAsync(expected, chosen, cancellationToken);
    }

    /// <summary>
    /// Reads every reader's locations at once and compares them with <paramref name="expected"/>. A reader that fails
    /// makes its locations unreadable in the report (with the exchange's error kind); the others are still compared.
    /// </summary>
    public async Task<ReconciliationReport> ReconcileAsync(LedgerPositions expected, IEnumerable<ILocationReader> readers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readers);
        var readings = await Task.WhenAll(readers.Select(reader => ReadOrReportAsync(reader, cancellationToken))).ConfigureAwait(false);
        return Compare(expected, [.. readings.SelectMany(reading => reading)]);
    }

    /// <summary>
    /// One line per location and holding present on either side. A holding on one side only is undeclared (venue only)
    /// or missing (ledger only) unless it is dust; on both sides it matches within its asset's tolerance (a perp's in
    /// its base asset). A location the ledger holds something at but no reading covers is unreadable too, except tokens
    /// in transit (<see cref="Transit"/>), which are listed as such.
    /// </summary>
    public ReconciliationReport Compare(LedgerPositions expected, IReadOnlyList<LocationReading> readings)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(readings);
        var byLocation = readings.ToDictionary(reading => reading.Location, StringComparer.Ordinal);
        var expectedBalances = expected.Balances.ToLookup(b => b.Location, StringComparer.Ordinal);
        var expectedPerps = expected.Perps.ToLookup(p => p.Venue, StringComparer.Ordinal);
        // A location the ledger has emptied (every amount 0) need not be read: nothing there is expected.
        var locations = expected.Balances.Where(b => b.Amount != 0).Select(b => b.Location)
            .Concat(expected.Perps.Where(p => p.Size != 0).Select(p => p.Venue))
            .Concat(byLocation.Keys)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);

        var lines = new List<ReconciliationLine>();
        foreach (var location in locations)
        {
            if (Transit.Is(location))
            {
                lines.AddRange(expectedBalances[location].Where(b => b.Amount != 0)
                    .Select(b => new ReconciliationLine(location, HoldingKind.Balance, b.Asset, b.Amount, null, ReconciliationStatus.InTransit)));
                continue;
            }

            var balances = expectedBalances[location].ToDictionary(b => b.Asset, b => b.Amount, StringComparer.Ordinal);
            var perps = expectedPerps[location].ToDictionary(p => p.Symbol, p => p.Size, StringComparer.Ordinal);
            var failure = byLocation.TryGetValue(location, out var reading)
                ? reading.Failure
                : new ReadFailure(null, "not read: no reader covers this location (is the venue among the instance's?)");
            if (failure is not null)
            {
                lines.AddRange(Unreadable(location, balances, perps, failure));
                continue;
            }

            // Summed: a venue in hedge mode lists a symbol's long and short apart, and the ledger keeps the net.
            var heldBalances = reading!.Balances.GroupBy(b => b.Asset, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(b => b.Amount), StringComparer.Ordinal);
            var heldPerps = reading.Perps.GroupBy(p => p.Symbol, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(p => p.Quantity), StringComparer.Ordinal);
            lines.AddRange(CompareHoldings(location, HoldingKind.Balance, balances, heldBalances, asset => asset));
            lines.AddRange(CompareHoldings(location, HoldingKind.Perp, perps, heldPerps, BaseAssetOf));
        }

        return new ReconciliationReport(lines);
    }

    /// <summary>
    /// The asset a perp's size is counted in: Binance and Bybit spell perps <c>BTCUSDT</c>, OKX <c>BTC-USDT-SWAP</c>.
    /// </summary>
    public static string BaseAssetOf(string symbol)
    {
        ArgumentException.ThrowIfNullOrEmpty(symbol);
        var dash = symbol.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0)
        {
            return symbol[..dash];
        }

        foreach (var quote in (string[])["USDT", "USDC"])
        {
            if (symbol.Length > quote.Length && symbol.EndsWith(quote, StringComparison.Ordinal))
            {
                return symbol[..^quote.Length];
            }
        }

        return symbol;
    }

    private IEnumerable<ReconciliationLine> CompareHoldings(
        string location, HoldingKind kind, Dictionary<string, decimal> expected, Dictionary<string, decimal> held, Func<string, string> assetOf) =>
        // A flat perp or an emptied balance the venue does not list either is no line; one it still lists is mismatched.
        expected.Where(e => e.Value != 0).Select(e => e.Key).Union(held.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(item =>
        {
            var tolerance = tolerances.For(assetOf(item));
            var (hasExpected, hasHeld) = (expected.TryGetValue(item, out var wanted), held.TryGetValue(item, out var actual));
            var status = (hasExpected, hasHeld) switch
            {
                // The wallet's native ETH may exceed what the ledger says by the operator's float for gas; less is a loss.
                _ when location == ChainReader.Wallet && kind == HoldingKind.Balance && item == ChainReader.NativeEth =>
                    actual >= wanted || tolerance.Allows(wanted, actual) ? ReconciliationStatus.Matched : ReconciliationStatus.Mismatched,
                (true, true) => tolerance.Allows(wanted, actual) ? ReconciliationStatus.Matched : ReconciliationStatus.Mismatched,
                (true, false) => tolerance.IsDust(wanted) ? ReconciliationStatus.Matched : ReconciliationStatus.Missing,
                _ => tolerance.IsDust(actual) ? ReconciliationStatus.Matched : ReconciliationStatus.Undeclared,
            };
            return new ReconciliationLine(location, kind, item, wanted, actual, status);
        });

    private static IEnumerable<ReconciliationLine> Unreadable(
        string location, Dictionary<string, decimal> balances, Dictionary<string, decimal> perps, ReadFailure failure)
    {
        var lines = balances.Where(b => b.Value != 0).OrderBy(b => b.Key, StringComparer.Ordinal)
            .Select(b => new ReconciliationLine(location, HoldingKind.Balance, b.Key, b.Value, null, ReconciliationStatus.Unreadable, failure))
            .Concat(perps.Where(p => p.Value != 0).OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => new ReconciliationLine(location, HoldingKind.Perp, p.Key, p.Value, null, ReconciliationStatus.Unreadable, failure)))
            .ToList();
        return lines.Count > 0 ? lines : [new ReconciliationLine(location, HoldingKind.Balance, WholeLocation, 0, null, ReconciliationStatus.Unreadable, failure)];
    }

    private static async Task<IReadOnlyList<LocationReading>> ReadOrReportAsync(ILocationReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ExchangeException e)
        {
            return Unreadable(reader, new ReadFailure(e.Kind, e.Message));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The chain's RPC, a timeout, anything else: the location's state is unknown, which is never clean.
            return Unreadable(reader, new ReadFailure(null, $"{e.GetType().Name}: {e.Message}"));
        }
    }

    /// <summary>An instance's venue the host has no client for: the ledger's holdings there cannot be checked.</summary>
    private static LocationReading[] Unreadable(ILocationReader reader, ReadFailure failure) =>
        [.. reader.Locations.Select(location => LocationReading.Unreadable(location, failure))];
}
