using Basis.Api.Hosting;
using Basis.Api.Live;
using Basis.Configuration;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Live;

/// <summary><c>BASIS_LIVE_CLOCK_START</c>: the live side's clock starts where it says and runs on; unset, it is the system clock.</summary>
public sealed class LiveClockTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Unset_it_is_the_system_clock_and_the_host_accepts_the_setting()
    {
        var settings = Settings(new());

        Assert.Same(LiveClock.Real, LiveClock.From(settings.Layers));
        Assert.False(LiveClock.Real.IsShifted);
        HostSettings.From(Settings(new() { [LiveClock.Setting] = "2025-02-01T00:30:00Z" }));
    }

    [Fact]
    public void A_start_time_is_read_now_and_the_clock_runs_on_in_real_time()
    {
        var system = new SteppedClock(new DateTimeOffset(2026, 12, 3, 13, 0, 0, TimeSpan.Zero));

        var clock = LiveClock.From(Settings(new() { [LiveClock.Setting] = "2025-02-01T00:30:00Z" }).Layers, system);
        var start = clock.GetUtcNow();
        system.Now += TimeSpan.FromMinutes(90);

        Assert.True(clock.IsShifted);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 0, 30, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 2, 0, 0, TimeSpan.Zero), clock.GetUtcNow());
    }

    [Fact]
    public void A_value_that_is_not_a_time_is_a_configuration_error_naming_the_setting()
    {
        var error = Assert.Throws<ConfigException>(() => LiveClock.From(Settings(new() { [LiveClock.Setting] = "last tuesday" }).Layers));

        Assert.Equal(LiveClock.Setting, Assert.Single(error.Errors).Path);
    }

    private PipelineSettings Settings(Dictionary<string, string> values) =>
        PipelineSettings.Load(Repository.Configs, values, _temp.Combine("no-local-settings.json"));

    private sealed class SteppedClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
