namespace Basis.Venues.Exchanges;

public enum DepositStatus
{
    /// <summary>Seen, short of the confirmations (or held by the venue's checks).</summary>
    Pending,

    /// <summary>In the account's balance.</summary>
    Credited,

    /// <summary>Rejected or returned; it will not be credited.</summary>
    Failed,
}
