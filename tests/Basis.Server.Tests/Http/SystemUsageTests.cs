using Basis.Api.Http;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Http;

/// <summary>
/// The figures <c>/health</c> reports: the /proc parsers on hand-checkable text, the sampler on a fake /proc (CPU as the
/// change between two samples), and on this machine, with and without /proc, within their ranges.
/// </summary>
public sealed class SystemUsageTests : IDisposable
{
    // 16,384,000 kB in all, 4,096,000 kB available: 75 % used, 4,096,000 / 1024² = 3.906 GiB available.
    private const string MemInfo = """
        MemTotal:       16384000 kB
        MemFree:         1024000 kB
        MemAvailable:    4096000 kB
        Buffers:          512000 kB
        Cached:          2048000 kB
        HugePages_Total:       0
        """;

    // user nice system idle iowait irq softirq steal guest guest_nice: idle 700 + iowait 100 of 1,000 → 20 % busy.
    private const string Stat = """
        cpu  100 0 100 700 100 0 0 0 0 0
        cpu0 50 0 50 350 50 0 0 0 0 0
        intr 12345 0 0
        """;

    // 500 ticks later, 300 of them idle → 40 % busy; the guest 50 is already in user, so not added again.
    private const string StatLater = """
        cpu  250 0 150 1000 100 0 0 0 50 0
        """;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Meminfo_gives_total_and_available_bytes()
    {
        var memory = SystemUsage.ParseMemInfo(MemInfo);

        Assert.Equal(new MemoryFigures(16_384_000L * 1024, 4_096_000L * 1024), memory);
    }

    [Fact]
    public void Without_MemAvailable_free_buffers_and_cache_count_as_available()
    {
        var memory = SystemUsage.ParseMemInfo(MemInfo.Replace("MemAvailable", "Other", StringComparison.Ordinal));

        Assert.Equal((1_024_000L + 512_000 + 2_048_000) * 1024, memory?.AvailableBytes);
        Assert.Null(SystemUsage.ParseMemInfo("MemFree: 10 kB"));
    }

    [Fact]
    public void Stat_gives_idle_and_total_ticks_and_the_busy_share_between_two_samples()
    {
        var first = SystemUsage.ParseCpuTimes(Stat)!.Value;
        var later = SystemUsage.ParseCpuTimes(StatLater)!.Value;

        Assert.Equal(new CpuTimes(800, 1000), first);
        Assert.Equal(new CpuTimes(1100, 1500), later);
        Assert.Equal(40, SystemUsage.CpuPercent(first, later)!.Value, 9);
        Assert.Null(SystemUsage.CpuPercent(first, first));
        Assert.Null(SystemUsage.ParseCpuTimes("intr 1 2 3"));
    }

    [Fact]
    public void The_sampler_reads_proc_and_reports_cpu_since_the_previous_sample()
    {
        var proc = Directory.CreateDirectory(_temp.Combine("proc")).FullName;
        File.WriteAllText(Path.Combine(proc, "meminfo"), MemInfo);
        File.WriteAllText(Path.Combine(proc, "stat"), Stat);
        var usage = new SystemUsage(_temp.Combine("results"), proc, TimeSpan.Zero);

        var first = usage.Current();
        File.WriteAllText(Path.Combine(proc, "stat"), StatLater);
        var second = usage.Current();

        Assert.Equal((20.0, 75.0, 3.9), (first.CpuPercent, first.MemoryPercent, first.MemoryAvailableGb));
        Assert.Equal(40.0, second.CpuPercent);
        Assert.InRange(second.DiskPercent!.Value, 0, 100);
        Assert.True(second.ProcessMemoryMb > 0);
    }

    [Fact]
    public void Figures_are_reused_within_the_refresh_interval()
    {
        var proc = Directory.CreateDirectory(_temp.Combine("proc")).FullName;
        File.WriteAllText(Path.Combine(proc, "meminfo"), MemInfo);
        File.WriteAllText(Path.Combine(proc, "stat"), Stat);
        var usage = new SystemUsage(_temp.Path, proc, TimeSpan.FromHours(1));

        var first = usage.Current();
        File.WriteAllText(Path.Combine(proc, "stat"), StatLater);

        Assert.Same(first, usage.Current());
    }

    [Theory]
    [InlineData("/proc")]
    [InlineData("/no/such/proc")]
    public void On_this_machine_the_figures_are_in_range(string procRoot)
    {
        var usage = new SystemUsage(_temp.Combine("not", "yet", "created"), procRoot, TimeSpan.Zero);

        foreach (var figures in (SystemFigures[])[usage.Current(), usage.Current()])
        {
            Assert.InRange(figures.CpuPercent, 0, 100);
            Assert.InRange(figures.MemoryPercent, 0, 100);
            Assert.InRange(figures.DiskPercent!.Value, 0, 100);
            Assert.True(figures.MemoryAvailableGb >= 0);
            Assert.True(figures.ProcessMemoryMb > 0);
        }

        if (File.Exists("/proc/meminfo"))
        {
            var memory = SystemUsage.ParseMemInfo(File.ReadAllText("/proc/meminfo"))!.Value;
            Assert.InRange(memory.AvailableBytes, 1, memory.TotalBytes);
        }
    }
}
