using NCrontab;

namespace Basis.Live.Schedules;

/// <summary>
/// One timer's schedule against a clock: when it fires next and what it missed while the host was down. All times
/// are UTC, as the Functions TimerTrigger reads its expressions.
/// </summary>
/// <remarks>
/// The catch-up rule: occurrences missed in (last run, now] collapse into <em>one</em> run now, labelled with the
/// latest of them. Rebalance and reconcile act on the current state of the book, so replaying a stale cycle would
/// trade on prices that are gone, and N heartbeats now prove no more than one.
/// </remarks>
public sealed class ScheduleClock(CrontabSchedule schedule, TimeProvider time)
{
    private readonly CrontabSchedule _schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
    private readonly TimeProvider _time = time ?? throw new ArgumentNullException(nameof(time));

    /// <summary>The first occurrence strictly after now.</summary>
    public DateTimeOffset Next() => Utc(_schedule.GetNextOccurrence(_time.GetUtcNow().UtcDateTime));

    /// <summary>The occurrences after <paramref name="lastRun"/> up to and including now, collapsed.</summary>
    public MissedRuns Missed(DateTimeOffset lastRun)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var count = 0;
        DateTime? latest = null;
        // NCrontab's end is exclusive; one tick past now includes an occurrence that falls exactly now.
        foreach (var occurrence in _schedule.GetNextOccurrences(lastRun.UtcDateTime, now.AddTicks(1)))
        {
            count++;
            latest = occurrence;
        }

        return new MissedRuns(count, latest is { } at ? Utc(at) : null);
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
