namespace Basis.Api.Live;

/// <summary>
/// What only the live runtime can do for an instance, because each trades or moves funds: rebalance now, take a
/// deposit, pay out a withdrawal (from idle cash when there is enough, else by unwinding). The hosts give the HTTP API
/// a <see cref="DurableLiveRuntime"/> over their Durable client.
/// </summary>
public interface ILiveRuntime
{
    /// <summary>Asks for a rebalance of the instance on its next cycle, or now.</summary>
    Task<LiveRuntimeReceipt> RebalanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="amount"/> (share-class units, positive) to the instance.</summary>
    Task<LiveRuntimeReceipt> DepositAsync(string instanceId, decimal amount, CancellationToken cancellationToken);

    /// <summary>Takes <paramref name="amount"/> (share-class units, positive) out of the instance.</summary>
    Task<LiveRuntimeReceipt> WithdrawAsync(string instanceId, decimal amount, CancellationToken cancellationToken);
}

/// <summary>What the runtime did with a request: a short status (<c>accepted</c>, <c>done</c>…) and what happens next, in words.</summary>
public sealed record LiveRuntimeReceipt(string Status, string Message);
