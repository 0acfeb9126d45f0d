using Basis.Configuration;
using Basis.Configuration.Loading;
using Basis.Live.Schedules;

namespace Basis.Live.Tests.Schedules;

public sealed class LiveSchedulesTests
{
    private static readonly DateTime At = new(2026, 12, 3, 10, 3, 0, DateTimeKind.Utc);

    [Fact]
    public void The_repository_schedules_rebalance_hourly_reconcile_quarter_hourly_and_beat_every_minute()
    {
        var schedules = LiveSchedules.Load(Repository.ConfigsDirectory);

        Assert.Equal(new DateTime(2026, 12, 3, 10, 5, 0), schedules[LiveTimer.Rebalance].GetNextOccurrence(At));
        Assert.Equal(new DateTime(2026, 12, 3, 10, 15, 0), schedules[LiveTimer.Reconcile].GetNextOccurrence(At));
        Assert.Equal(new DateTime(2026, 12, 3, 10, 4, 0), schedules[LiveTimer.Heartbeat].GetNextOccurrence(At));
    }

    [Fact]
    public void Seconds_come_first()
    {
        var schedules = Parse("""
            rebalance: "30 5 * * * *"
            reconcile: "0 */15 * * * *"
            heartbeat: "*/10 * * * * *"
            """);

        Assert.Equal(new DateTime(2026, 12, 3, 10, 5, 30), schedules[LiveTimer.Rebalance].GetNextOccurrence(At));
        Assert.Equal(new DateTime(2026, 12, 3, 10, 3, 10), schedules[LiveTimer.Heartbeat].GetNextOccurrence(At));
    }

    [Fact]
    public void A_five_field_expression_is_an_error_at_its_file_line_and_key()
    {
        var thrown = Assert.Throws<ConfigException>(() => Parse("""
            rebalance: "5 * * * *"
            reconcile: "0 */15 * * * *"
            heartbeat: "0 * * * * *"
            """));

        var error = Assert.Single(thrown.Errors);
        Assert.StartsWith("live.yaml:1: rebalance: is not a six-field NCRONTAB expression (second minute hour day month day-of-week)", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_and_an_unknown_key_are_both_reported()
    {
        var thrown = Assert.Throws<ConfigException>(() => Parse("""
            rebalance: "0 5 * * * *"
            reconcile: "0 */15 * * * *"
            hearbeat: "0 * * * * *"
            """));

        Assert.Equal(2, thrown.Errors.Count);
        Assert.Contains(thrown.Errors, e => e.Path == "heartbeat" && e.Message == "required key is missing");
        Assert.Contains(thrown.Errors, e => e.ToString().StartsWith("live.yaml:3: hearbeat:", StringComparison.Ordinal) && e.Message.Contains("'heartbeat'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var folder = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"));

        var error = Assert.Single(Assert.Throws<ConfigException>(() => LiveSchedules.Load(folder)).Errors);

        Assert.Equal($"{Path.Combine(folder, "schedules", "live.yaml")}: file not found", error.ToString());
    }

    private static LiveSchedules Parse(string yaml) => LiveSchedules.From(YamlConfigFile.Parse(yaml, "live.yaml"));
}
