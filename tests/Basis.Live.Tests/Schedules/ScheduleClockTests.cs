using Basis.Live.Schedules;
using Microsoft.Extensions.Time.Testing;
using NCrontab;

namespace Basis.Live.Tests.Schedules;

public sealed class ScheduleClockTests
{
    private static readonly CrontabSchedule HourlyAtFive = CrontabSchedule.Parse("0 5 * * * *", new CrontabSchedule.ParseOptions { IncludingSeconds = true });
    private static readonly CrontabSchedule QuarterHourly = CrontabSchedule.Parse("0 */15 * * * *", new CrontabSchedule.ParseOptions { IncludingSeconds = true });

    [Fact]
    public void Next_is_the_first_occurrence_after_now()
    {
        var time = new FakeTimeProvider(Utc(10, 3));
        var clock = new ScheduleClock(HourlyAtFive, time);

        Assert.Equal(Utc(10, 5), clock.Next());

        time.SetUtcNow(Utc(10, 5));
        Assert.Equal(Utc(11, 5), clock.Next());
    }

    [Fact]
    public void Nothing_is_missed_between_occurrences()
    {
        var clock = new ScheduleClock(HourlyAtFive, new FakeTimeProvider(Utc(10, 30)));

        var missed = clock.Missed(lastRun: Utc(10, 5));

        Assert.Equal(new MissedRuns(0, null), missed);
        Assert.False(missed.RunNow);
    }

    [Fact]
    public void Three_missed_rebalances_collapse_into_one_run_for_the_latest()
    {
        // Down from 07:05 to 10:30: the 08:05, 09:05 and 10:05 rebalances were missed; one runs now, as 10:05.
        var clock = new ScheduleClock(HourlyAtFive, new FakeTimeProvider(Utc(10, 30)));

        var missed = clock.Missed(lastRun: Utc(7, 5));

        Assert.Equal(new MissedRuns(3, Utc(10, 5)), missed);
        Assert.True(missed.RunNow);
    }

    [Fact]
    public void An_occurrence_falling_exactly_now_counts_as_missed()
    {
        var clock = new ScheduleClock(HourlyAtFive, new FakeTimeProvider(Utc(10, 5)));

        Assert.Equal(new MissedRuns(1, Utc(10, 5)), clock.Missed(lastRun: Utc(9, 5)));
    }

    [Fact]
    public void A_reconcile_down_for_an_hour_missed_four()
    {
        // 10:15, 10:30, 10:45, 11:00 — not 10:00, which ran.
        var clock = new ScheduleClock(QuarterHourly, new FakeTimeProvider(Utc(11, 7)));

        Assert.Equal(new MissedRuns(4, Utc(11, 0)), clock.Missed(lastRun: Utc(10, 0)));
    }

    private static DateTimeOffset Utc(int hour, int minute) => new(2026, 12, 3, hour, minute, 0, TimeSpan.Zero);
}
