namespace Basis.Live.Ledger;

/// <summary>Whether a live instance is running.</summary>
public enum LiveInstanceStatus
{
    /// <summary>Running on its schedules.</summary>
    Active,

    /// <summary>Stopped by an operator; resumes when told.</summary>
    Paused,

    /// <summary>Stopped by a safety limit (circuit breaker, stop loss, missed heartbeat) until an operator clears it.</summary>
    Halted,

    /// <summary>Retired for good.</summary>
    Stopped,
}
