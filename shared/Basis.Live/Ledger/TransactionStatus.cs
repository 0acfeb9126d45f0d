namespace Basis.Live.Ledger;

/// <summary>Where an on-chain transaction stands.</summary>
public enum TransactionStatus
{
    /// <summary>Sent, not mined yet.</summary>
    Pending,

    /// <summary>Mined and succeeded.</summary>
    Confirmed,

    /// <summary>Mined and reverted (gas was still spent).</summary>
    Failed,

    /// <summary>Never mined (replaced or evicted).</summary>
    Dropped,
}
