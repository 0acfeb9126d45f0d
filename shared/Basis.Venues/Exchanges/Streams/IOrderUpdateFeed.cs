namespace Basis.Venues.Exchanges.Streams;

/// <summary>Live updates of the account's orders, pushed by the venue over an authenticated stream.</summary>
public interface IOrderUpdateFeed
{
    /// <summary>
    /// Every order change on the account as it arrives, across reconnects (changes made while no connection was open
    /// are not replayed: reconcile with <see cref="IPerpExchange.GetOrderAsync"/> after a gap). Cancelling ends the
    /// enumeration without an exception.
    /// </summary>
    IAsyncEnumerable<OrderUpdate> OrderUpdatesAsync(CancellationToken cancellationToken);
}
