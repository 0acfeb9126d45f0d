namespace Basis.Venues.Exchanges;

public enum WithdrawalStatus
{
    /// <summary>Accepted, not yet on chain (reviews, queues).</summary>
    Pending,

    /// <summary>Broadcast; the venue waits for its confirmations.</summary>
    Sent,

    Completed,

    /// <summary>Failed, rejected or cancelled: nothing was sent.</summary>
    Failed,
}
