using Basis.Live.Ledger;

namespace Basis.Api.Live;

/// <summary>Whether an instance is doing what it should.</summary>
public enum LiveHealth
{
    /// <summary>Active, and its last sign of life is within the heartbeat timeout.</summary>
    Healthy,

    /// <summary>Halted, or Active without a heartbeat for longer than the timeout.</summary>
    Unhealthy,

    /// <summary>Paused or stopped: not expected to beat, so there is nothing to judge.</summary>
    Idle,
}

/// <summary>
/// An instance as an operator looks at it: the ledger's row, its health and why, its last heartbeat, the last hour its
/// engine simulated, and its latest breaches (newest first).
/// </summary>
public sealed record LiveInstanceState(
    LiveInstance Instance,
    LiveHealth Health,
    string HealthReason,
    DateTimeOffset? LastHeartbeatUtc,
    DateTimeOffset? LastCycleUtc,
    IReadOnlyList<LedgerEvent> Breaches)
{
    /// <summary>
    /// The health rule, used by the status and by <c>/health/detailed</c>. An Active instance's last sign of life is its
    /// latest heartbeat, or the moment it was last changed (started) when that is later: one started a minute ago has
    /// not missed anything yet.
    /// </summary>
    public static (LiveHealth Health, string Reason) Judge(LiveInstance instance, DateTimeOffset? lastHeartbeatUtc, TimeSpan timeout, DateTimeOffset nowUtc)
    {
        ArgumentNullException.ThrowIfNull(instance);
        switch (instance.Status)
        {
            case LiveInstanceStatus.Halted:
                return (LiveHealth.Unhealthy, "halted by a safety limit or an operator; it resumes only when started with the halt acknowledged");
            case LiveInstanceStatus.Paused:
                return (LiveHealth.Idle, "not running until started");
            case LiveInstanceStatus.Stopped:
                return (LiveHealth.Idle, "retired for good");
        }

        var alive = lastHeartbeatUtc is { } beat && beat > instance.UpdatedUtc ? beat : instance.UpdatedUtc;
        var silent = nowUtc - alive;
        var since = lastHeartbeatUtc is null ? "no heartbeat since it started" : "last heartbeat";
        return silent > timeout
            ? (LiveHealth.Unhealthy, $"{since} {Seconds(silent)} ago, over the {Seconds(timeout)} timeout (BASIS_LIVE_TRADING__HEARTBEAT_TIMEOUT_SECONDS): no new orders until it beats again")
            : (LiveHealth.Healthy, lastHeartbeatUtc is null ? "active; started within the heartbeat timeout" : $"active; last heartbeat {Seconds(silent)} ago");
    }

    private static string Seconds(TimeSpan span) => $"{Math.Max(0, (long)span.TotalSeconds)} s";
}
