namespace Basis.Orchestrations.Live;

/// <summary>What an instance's cycle orchestration is asked to do.</summary>
public enum LiveWork
{
    /// <summary>Run the strategy up to the cycle's hour behind the limits (the rebalance timer, a manual rebalance).</summary>
    Rebalance,

    /// <summary>Compare the ledger with the venues (the reconcile timer).</summary>
    Reconcile,
}
