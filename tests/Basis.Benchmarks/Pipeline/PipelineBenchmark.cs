using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Basis.Orchestrations.Backtests;

namespace Basis.Benchmarks.Pipeline;

/// <summary>
/// <c>pipeline</c>: the whole pipeline measured over seconds to minutes, outside BenchmarkDotNet's loop, on the
/// imported reference data: the <c>basis</c> command line as a child process, one backtest over HTTP against the
/// engine's own time, a 1,000-run sweep against the same runs in a plain loop, that sweep on Azurite, and the largest
/// sweep (10,000 runs) for memory and health-probe latency. Each measurement prints Markdown tables.
/// </summary>
internal static class PipelineBenchmark
{
    public const string Mode = "btc_basis";

    /// <summary>OKX has no BTC data for the year measured, so the short is split over Binance and Bybit.</summary>
    public const string Hedge = "hedge_allocation={binance: 0.5, bybit: 0.5, okx: 0}";

    public static readonly DateTime Start = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime End = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The backtest every measurement runs (a sweep varies three of its settings).</summary>
    public static BacktestRequest Request => new(Mode, Start, End, Overrides: [Hedge]);

    /// <summary>The same backtest as an API body.</summary>
    public static Dictionary<string, object> Body(DateTime start, DateTime end) => new(StringComparer.Ordinal)
    {
        ["strategy_name"] = Mode,
        ["start_date"] = Iso(start),
        ["end_date"] = Iso(end),
        ["config_overrides"] = new { hedge_allocation = new { binance = 0.5, bybit = 0.5, okx = 0 } },
    };

    public static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static async Task<int> RunAsync(string[] args)
    {
        PipelineOptions options;
        string data;
        string? basis;
        try
        {
            options = PipelineOptions.Parse(args);
            data = BenchmarkData.Canonical;
            basis = options.Runs("cli") ? CliMeasurement.Executable(options.Basis) : null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            Console.Error.WriteLine($"pipeline: {e.Message}");
            return 2;
        }

        PrintMachine(data);
        using var temp = new TempFolder();
        if (basis is not null)
        {
            await CliMeasurement.RunAsync(basis, options, temp.Path);
        }

        if (options.Runs("http"))
        {
            await BacktestMeasurement.RunAsync(options, temp.Path);
        }

        if (options.Runs("sweep"))
        {
            await SweepMeasurement.SweepAgainstLoopAsync(options, temp.Path);
        }

        if (options.Runs("azurite"))
        {
            await SweepMeasurement.AzuriteAsync(options, temp.Path);
        }

        if (options.Runs("max"))
        {
            await SweepMeasurement.LargestAsync(options, temp.Path);
        }

        Console.WriteLine();
        Console.WriteLine($"Load average at the end: {LoadAverage()}");
        return 0;
    }

    private static void PrintMachine(string data)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        Console.WriteLine($"Pipeline benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        Console.WriteLine($"Machine: {cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} processors, {RuntimeInformation.OSDescription}");
        Console.WriteLine($".NET {Environment.Version} ({RuntimeInformation.FrameworkDescription}), {(GCSettings.IsServerGC ? "server" : "workstation")} GC in this process; load average {LoadAverage()}");
        Console.WriteLine($"Run: {Mode} {Start:yyyy-MM-dd} → {End:yyyy-MM-dd}, {Hedge}; data {data}");
    }

    /// <summary>The 1/5/15-minute load averages where the system tells them (other work on the machine skews every figure).</summary>
    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>A temporary folder, deleted on dispose.</summary>
    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("basis-pipeline-bench-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
