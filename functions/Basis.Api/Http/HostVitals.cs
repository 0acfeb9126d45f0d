namespace Basis.Api.Http;

/// <summary>
/// What <c>/health</c> reports without calling any component: the service, its execution mode, the process's uptime,
/// the machine's figures, and the status the figures imply. Running out of memory or of disk stops every run, whatever
/// the components say: above <see cref="DegradedAbovePercent"/> the host still answers 200 but says so; above
/// <see cref="UnhealthyAbovePercent"/> it answers 503, so a monitor takes it out or restarts it.
/// </summary>
public sealed class HostVitals(string executionMode, SystemUsage usage)
{
    /// <summary>The <c>service</c> every report names.</summary>
    public const string Service = "basis";

    /// <summary>Memory or disk use (%) above which the status is <see cref="HealthState.Degraded"/>.</summary>
    public const double DegradedAbovePercent = 95;

    /// <summary>Memory or disk use (%) above which the status is <see cref="HealthState.Unhealthy"/>.</summary>
    public const double UnhealthyAbovePercent = 99;

    private readonly SystemUsage _usage = usage ?? throw new ArgumentNullException(nameof(usage));

    /// <summary>The liveness report, from figures at most a second old.</summary>
    public HealthReport Report()
    {
        var figures = _usage.Current();
        var now = DateTime.UtcNow;
        return new HealthReport(
            StatusOf(figures),
            new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc),
            Service,
            executionMode,
            (long)(now - _usage.ProcessStartedUtc).TotalSeconds,
            figures);
    }

    /// <summary>The status the figures imply: the worse of memory and disk use against the two thresholds.</summary>
    public static string StatusOf(SystemFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var fullest = Math.Max(figures.MemoryPercent, figures.DiskPercent ?? 0);
        return fullest > UnhealthyAbovePercent ? HealthState.Unhealthy
            : fullest > DegradedAbovePercent ? HealthState.Degraded
            : HealthState.Healthy;
    }
}
