namespace Basis.Venues.Exchanges.Streams;

/// <summary>Live mark prices and funding for one perpetual, pushed by the venue over a WebSocket.</summary>
public interface IMarkPriceFeed
{
    /// <summary>
    /// Updates for <paramref name="symbol"/> (our symbol, e.g. BTCUSDT) as they arrive, for as long as the caller
    /// enumerates. Dropped or silent connections are replaced behind the enumeration, which simply continues; updates
    /// pushed while no connection was open are not replayed. Cancelling <paramref name="cancellationToken"/> (or
    /// leaving the loop) closes the connection and ends the enumeration without an exception.
    /// </summary>
    IAsyncEnumerable<MarkPriceUpdate> MarkPricesAsync(string symbol, CancellationToken cancellationToken);
}
