namespace Basis.Live.Schedules;

/// <summary>The timers that drive a live instance (DESIGN §11), keyed in <c>configs/schedules/live.yaml</c> by their snake_case names.</summary>
public enum LiveTimer
{
    /// <summary>The strategy decides and its intents are executed.</summary>
    Rebalance,

    /// <summary>The ledger is compared with the venues and the chain.</summary>
    Reconcile,

    /// <summary>The instance proves it is alive; a missed beat past the timeout stops new orders.</summary>
    Heartbeat,
}
