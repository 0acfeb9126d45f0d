using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Basis.Benchmarks.Pipeline;
using Basis.Configuration.Binding;
using Basis.Data.Canonical;
using Basis.Data.Stores;
using Basis.Live.Ledger;
using Basis.Live.Safety;
using Basis.Core.Trading;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Live;
using Basis.Testing;
using Npgsql;

namespace Basis.Benchmarks.Live;

/// <summary>
/// <c>live</c>: one paper cycle that adds one hour to an <c>eth_basis</c> instance already N hours old, on the
/// imported reference data, with the ledger on a real PostgreSQL: BASIS_BENCH_PG (a connection string; the ledger's
/// tables are created there) or else a throw-away server started from the apt binaries as the tests start one
/// (<see cref="PostgresServer"/>). The instance is caught up to N hours in one cycle, then runs hourly cycles one
/// after another, as the rebalance timer runs it, each timed whole and split by <see cref="PaperCycle.Tracing"/>'s
/// spans. Venue latency is not in it: paper sends nothing anywhere.
/// </summary>
internal static class PaperCycleBenchmark
{
    private const string Mode = "eth_basis";

    private static readonly DateTimeOffset Created = new(2024, 6, 1, 0, 20, 0, TimeSpan.Zero);

    private static readonly SafetyLimits Limits = new(ReadOnly: false, MaxTradeSizeUsd: 1e12);
    private static readonly string[] Phases = ["read-state", "market-data", "extend", "simulate", "record", "checkpoint"];

    public static async Task<int> RunAsync(string[] args)
    {
        var ages = Option(args, "--ages", "720,8760").Split(',').Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToList();
        var cycles = int.Parse(Option(args, "--cycles", "20"), CultureInfo.InvariantCulture);
        var warmup = int.Parse(Option(args, "--warmup", "5"), CultureInfo.InvariantCulture);
        var data = BenchmarkData.Canonical;
        Console.WriteLine($"Paper cycle benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; {Environment.ProcessorCount} processors, {RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average {PipelineBenchmark.LoadAverage()}");
        Console.WriteLine($"Instance: {Mode} from {Created:yyyy-MM-dd HH:mm}; {warmup} warm-up and {cycles} timed cycles per age; data {data}");

        await using var server = new PostgresServer();
        string connection;
        if (Environment.GetEnvironmentVariable("BASIS_BENCH_PG") is { Length: > 0 } given)
        {
            connection = given;
        }
        else
        {
            await server.InitializeAsync();
            connection = await server.CreateDatabaseAsync();
        }

        await using var dataSource = NpgsqlDataSource.Create(connection);
        var ledger = await PostgresLiveLedger.OpenAsync(dataSource);
        var workspace = new BacktestWorkspace(HedgedWhereTheDataIs(), new LocalMarketDataSource(data), new MemoryResultStore(), new MemoryResultStore());
        var cycle = new PaperCycle(workspace, ledger, TimeProvider.System);
        var spans = new ConcurrentDictionary<string, double>(StringComparer.Ordinal);
        // Read before the listener exists: the source is created on first use, and that must not happen inside ShouldListenTo.
        var traced = PaperCycle.Tracing;
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, traced),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity => spans.AddOrUpdate(activity.OperationName, activity.Duration.TotalMilliseconds, (_, sum) => sum + activity.Duration.TotalMilliseconds),
        };
        ActivitySource.AddActivityListener(listener);

        var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        foreach (var age in ages)
        {
            var instance = new LiveInstance($"bench-{age}-{stamp}", "bench", Mode, "usdt", 100_000m, ["binance", "bybit", "okx"], "{}", ExecutionKind.Paper, LiveInstanceStatus.Active, Created, Created);
            await ledger.SaveInstanceAsync(instance);
            var clock = Stopwatch.StartNew();
            var caughtUp = await cycle.RunAsync(instance, Limits, 100, Created.AddHours(age - 1));
            Console.WriteLine($"N = {age}: caught up {caughtUp.Hours} hours in one cycle in {clock.Elapsed.TotalSeconds:N1} s");

            var whole = new Sample();
            var phases = Phases.ToDictionary(p => p, _ => new Sample(), StringComparer.Ordinal);
            for (var i = 0; i < warmup + cycles; i++)
            {
                spans.Clear();
                clock.Restart();
                var outcome = await cycle.RunAsync(instance, Limits, 100, Created.AddHours(age + i));
                var elapsed = clock.Elapsed.TotalMilliseconds;
                if (outcome.Hours != 1)
                {
                    throw new InvalidOperationException($"A cycle ran {outcome.Hours} hours, not one.");
                }

                if (i >= warmup)
                {
                    whole.Add(elapsed);
                    foreach (var phase in Phases)
                    {
                        phases[phase].Add(spans.GetValueOrDefault(phase));
                    }
                }
            }

            var table = new ResultTable($"One paper cycle adding one hour to an instance {age:N0} hours old", "span", "median", "min", "max", "cycles");
            table.Timing("**whole cycle**", whole);
            foreach (var phase in Phases)
            {
                table.Timing(phase, phases[phase]);
            }

            table.Print();
        }

        return 0;
    }

    /// <summary>
    /// The repository's configuration with eth_basis hedged on Binance and Bybit only: OKX's ETH funding has months
    /// missing in the reference data, and an instance has no overrides to leave it out with.
    /// </summary>
    private static BasisConfiguration HedgedWhereTheDataIs()
    {
        var folder = Directory.CreateTempSubdirectory("basis-live-bench-configs-").FullName;
        foreach (var file in Directory.EnumerateFiles(BenchmarkData.Configs, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(BenchmarkData.Configs, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var mode = Path.Combine(folder, "modes", $"{Mode}.yaml");
        var yaml = File.ReadAllText(mode);
        const string Hedge = "  binance: 0.4\n  bybit: 0.3\n  okx: 0.3\n";
        if (!yaml.Contains(Hedge, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{mode} no longer has the hedge allocation the benchmark replaces.");
        }

        File.WriteAllText(mode, yaml.Replace(Hedge, "  binance: 0.5\n  bybit: 0.5\n  okx: 0\n", StringComparison.Ordinal));
        return BasisConfiguration.Load(folder);
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
    }
}
