namespace Basis.Orchestrations.Engine;

/// <summary>Tuning of the Orleans engine.</summary>
public sealed class OrchestrationEngineOptions
{
    /// <summary>The grain-storage provider name instance state is kept under.</summary>
    public const string StorageName = "orchestrations";

    /// <summary>
    /// Period of the per-instance watchdog reminder. The reminder reactivates an instance whose silo died, re-sends
    /// activities that have not reported back and fires due timers whose grain timer was lost. Orleans' reminder
    /// service enforces its own minimum (ReminderOptions.MinimumReminderPeriod, one minute by default).
    /// </summary>
    public TimeSpan WatchdogPeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long an activity may stay silent before the watchdog sends it again (activities must be idempotent).</summary>
    public TimeSpan ActivityRedeliveryAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Activities one silo runs at once; the rest wait their turn. Without a bound, a fan-out of a thousand runs
    /// a thousand activities together and exhausts what they share (a database's connections, memory). The default
    /// is Durable Functions' <c>maxConcurrentActivityFunctions</c>: ten per processor.
    /// </summary>
    public int MaxConcurrentActivities { get; set; } = 10 * Environment.ProcessorCount;
}
