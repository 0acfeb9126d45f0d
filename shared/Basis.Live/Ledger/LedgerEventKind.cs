namespace Basis.Live.Ledger;

/// <summary>What a ledger event records.</summary>
public enum LedgerEventKind
{
    /// <summary>The instance was alive.</summary>
    Heartbeat,

    /// <summary>A safety limit was crossed (trade size, stop loss, heartbeat timeout, circuit breaker).</summary>
    Breach,

    /// <summary>Something an operator should look at.</summary>
    Alert,

    /// <summary>Reconciliation found the venues holding what the ledger says.</summary>
    Reconciled,
}
