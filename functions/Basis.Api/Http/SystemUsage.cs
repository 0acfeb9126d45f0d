using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Serialization;

namespace Basis.Api.Http;

/// <summary>The machine's and this process's figures <c>/health</c> reports, rounded to 0.1.</summary>
/// <param name="CpuPercent">The machine's CPU use since the previous sample (the first: since boot).</param>
/// <param name="MemoryPercent">The machine's memory in use (MemTotal − MemAvailable).</param>
/// <param name="MemoryAvailableGb">MemAvailable, in GiB.</param>
/// <param name="DiskPercent">The filesystem holding the results folder, used as <c>df</c> counts it; null when it cannot be read.</param>
/// <param name="ProcessMemoryMb">This process's working set, in MiB.</param>
public sealed record SystemFigures(
    [property: JsonPropertyName("cpu_percent")] double CpuPercent,
    [property: JsonPropertyName("memory_percent")] double MemoryPercent,
    [property: JsonPropertyName("memory_available_gb")] double MemoryAvailableGb,
    [property: JsonPropertyName("disk_percent")] double? DiskPercent,
    [property: JsonPropertyName("process_memory_mb")] double ProcessMemoryMb);

/// <summary>Cumulative CPU time: idle (idle + iowait) and total, in any one unit (/proc/stat's clock ticks).</summary>
public readonly record struct CpuTimes(double Idle, double Total);

/// <summary>The machine's memory: total and available, in bytes.</summary>
public readonly record struct MemoryFigures(long TotalBytes, long AvailableBytes);

/// <summary>
/// Samples <see cref="SystemFigures"/> for <c>/health</c>, which must answer within milliseconds: a CPU percentage
/// needs two readings, so the previous one is kept and the figures are re-read at most once per
/// <c>refresh</c> (a second), never by sleeping. Linux figures come from <c>/proc</c>; without it memory comes from
/// the GC's view of the machine and CPU from this process's own time.
/// </summary>
public sealed class SystemUsage
{
    private const double Gib = 1024d * 1024 * 1024;
    private const double Mib = 1024d * 1024;

    private readonly string _diskPath;
    private readonly string _procRoot;
    private readonly TimeSpan _refresh;
    private readonly DateTime _processStartedUtc;
    private readonly Lock _gate = new();
    private CpuTimes _previousCpu;
    private SystemFigures? _last;
    private long _lastAt;

    /// <summary>
    /// Samples the filesystem holding <paramref name="diskPath"/> (or its nearest existing parent: a results folder is
    /// created on the first write), reading Linux figures under <paramref name="procRoot"/>.
    /// </summary>
    public SystemUsage(string diskPath, string procRoot = "/proc", TimeSpan? refresh = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(diskPath);
        _diskPath = Path.GetFullPath(diskPath);
        _procRoot = procRoot;
        _refresh = refresh ?? TimeSpan.FromSeconds(1);
        using var process = Process.GetCurrentProcess();
        _processStartedUtc = process.StartTime.ToUniversalTime();
    }

    /// <summary>When this process started (UTC).</summary>
    public DateTime ProcessStartedUtc => _processStartedUtc;

    /// <summary>The figures, re-read when the last reading is older than the refresh interval.</summary>
    public SystemFigures Current()
    {
        lock (_gate)
        {
            if (_last is null || Stopwatch.GetElapsedTime(_lastAt) >= _refresh)
            {
                _last = Sample();
                _lastAt = Stopwatch.GetTimestamp();
            }

            return _last;
        }
    }

    /// <summary>The <c>cpu</c> line of <c>/proc/stat</c>: idle + iowait, and user through steal (guest time is already in user and nice).</summary>
    public static CpuTimes? ParseCpuTimes(string stat)
    {
        ArgumentNullException.ThrowIfNull(stat);
        foreach (var line in stat.AsSpan().EnumerateLines())
        {
            if (!line.StartsWith("cpu "))
            {
                continue;
            }

            var fields = line[4..].ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = new double[Math.Min(fields.Length, 8)];
            for (var i = 0; i < ticks.Length; i++)
            {
                if (!double.TryParse(fields[i], NumberStyles.None, CultureInfo.InvariantCulture, out ticks[i]))
                {
                    return null;
                }
            }

            // user nice system idle [iowait irq softirq steal]: kernels before 2.6 have only the first four.
            return ticks.Length < 4 ? null : new CpuTimes(ticks[3] + (ticks.Length > 4 ? ticks[4] : 0), ticks.Sum());
        }

        return null;
    }

    /// <summary>The share of <paramref name="later"/> − <paramref name="earlier"/> that was not idle, 0–100; null when no time passed.</summary>
    public static double? CpuPercent(CpuTimes earlier, CpuTimes later)
    {
        var total = later.Total - earlier.Total;
        return total <= 0 ? null : Math.Clamp(100 * (total - (later.Idle - earlier.Idle)) / total, 0, 100);
    }

    /// <summary>MemTotal and MemAvailable of <c>/proc/meminfo</c> (kB); before Linux 3.14, MemFree + Buffers + Cached.</summary>
    public static MemoryFigures? ParseMemInfo(string meminfo)
    {
        ArgumentNullException.ThrowIfNull(meminfo);
        var kb = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in meminfo.AsSpan().EnumerateLines())
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim();
            if (value.EndsWith("kB", StringComparison.Ordinal))
            {
                value = value[..^2].TrimEnd();
            }

            if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            {
                kb[line[..colon].ToString()] = number;
            }
        }

        if (!kb.TryGetValue("MemTotal", out var total) || total <= 0)
        {
            return null;
        }

        var available = kb.TryGetValue("MemAvailable", out var reported)
            ? reported
            : kb.GetValueOrDefault("MemFree") + kb.GetValueOrDefault("Buffers") + kb.GetValueOrDefault("Cached");
        return new MemoryFigures(total * 1024, Math.Clamp(available, 0, total) * 1024);
    }

    /// <summary>Used / (used + available to unprivileged users), as <c>df</c> shows it; null when the filesystem cannot be read.</summary>
    public static double? DiskPercent(string path)
    {
        try
        {
            var folder = new DirectoryInfo(path);
            while (folder is { Exists: false })
            {
                folder = folder.Parent;
            }

            if (folder is null)
            {
                return null;
            }

            var drive = new DriveInfo(folder.FullName);
            var used = (double)drive.TotalSize - drive.TotalFreeSpace;
            var usable = used + drive.AvailableFreeSpace;
            return usable <= 0 ? null : Math.Clamp(100 * used / usable, 0, 100);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    private static double Round(double value) => Math.Round(value, 1, MidpointRounding.AwayFromZero);

    private SystemFigures Sample()
    {
        var cpu = ReadCpuTimes();
        var cpuPercent = CpuPercent(_previousCpu, cpu) ?? _last?.CpuPercent ?? 0;
        _previousCpu = cpu;
        var memory = ReadMemory();
        var disk = DiskPercent(_diskPath);
        return new SystemFigures(
            Round(cpuPercent),
            Round(100d * (memory.TotalBytes - memory.AvailableBytes) / memory.TotalBytes),
            Round(memory.AvailableBytes / Gib),
            disk is { } percent ? Round(percent) : null,
            Round(Environment.WorkingSet / Mib));
    }

    private CpuTimes ReadCpuTimes()
    {
        if (ReadProc("stat") is { } stat && ParseCpuTimes(stat) is { } times)
        {
            return times;
        }

        // Without /proc/stat: this process's CPU time against the time every core had since it started.
        using var process = Process.GetCurrentProcess();
        var total = (DateTime.UtcNow - _processStartedUtc).TotalMilliseconds * Environment.ProcessorCount;
        return new CpuTimes(total - process.TotalProcessorTime.TotalMilliseconds, total);
    }

    private MemoryFigures ReadMemory()
    {
        if (ReadProc("meminfo") is { } meminfo && ParseMemInfo(meminfo) is { } figures)
        {
            return figures;
        }

        // The GC's view of the machine (or of the container's limit): the load as of the last collection.
        var gc = GC.GetGCMemoryInfo();
        var total = Math.Max(gc.TotalAvailableMemoryBytes, 1);
        return new MemoryFigures(total, Math.Clamp(total - gc.MemoryLoadBytes, 0, total));
    }

    private string? ReadProc(string name)
    {
        try
        {
            var path = Path.Combine(_procRoot, name);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
