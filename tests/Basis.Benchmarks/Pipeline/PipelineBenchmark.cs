using System.Diagnostics;
using System.Globalization;
using Basis.Configuration.Binding;
using Basis.Core.Market;
using Basis.Core.Results;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Data.Canonical;
using Basis.Data.Results;
using Basis.Orchestrations.Sweeps;
using Basis.Testing;

namespace Basis.Benchmarks.Pipeline;

/// <summary>
/// <c>pipeline</c>: long-running measurements of the whole pipeline rather than BenchmarkDotNet microbenchmarks.
/// One one-year <c>eth_basis</c> backtest (2024-06-01 → 2025-06-01, hedged on Binance and Bybit) as the bare engine,
/// the old direct path (load + run + write files) and submitted over HTTP to the embedded host; then a sweep of
/// K³ such runs over HTTP, embedded and on two silos clustered through Redis with a PostgreSQL result store.
/// </summary>
internal static class PipelineBenchmark
{
    private const string Mode = "eth_basis";
    private const string Hedge = "hedge_allocation={binance: 0.5, bybit: 0.5, okx: 0}";
    private static readonly DateTime Start = new(2024, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime End = new(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan MeasureTime = TimeSpan.FromSeconds(2);

    /// <summary>The API body of the run (and the base of the sweep).</summary>
    private static readonly Dictionary<string, object> Body = new(StringComparer.Ordinal)
    {
        ["strategy_name"] = Mode,
        ["start_date"] = "2024-06-01T00:00:00Z",
        ["end_date"] = "2025-06-01T00:00:00Z",
        ["config_overrides"] = new { hedge_allocation = new { binance = 0.5, bybit = 0.5, okx = 0 } },
    };

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        Console.WriteLine($"Pipeline benchmark: {Mode} {Start:yyyy-MM-dd} → {End:yyyy-MM-dd}, {options.Runs} runs per figure, sweep of {options.SweepRuns:N0} runs; {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        using var temp = new TempFolder();
        if (options.Backtest)
        {
            await BacktestAsync(options, temp.Path);
        }

        if (options.Sweep)
        {
            await SweepsAsync(options, temp.Path);
        }

        return 0;
    }

    private static async Task BacktestAsync(Options options, string temp)
    {
        var configuration = BasisConfiguration.Load(BenchmarkData.Configs);
        var mode = configuration.ResolveMode(Mode, [Hedge]);
        var spec = new BacktestSpec("bench", mode.Settings, mode.Venues, Start, End, 100_000, mode.ConfigHash, "bench");
        var requests = DataPlan.Requests(mode.Settings, StrategyCatalog.Create(mode.Settings));
        var market = await MarketDataBuilder.BuildAsync(new(Start, End), requests, new LocalMarketDataSource(BenchmarkData.Canonical));

        var engine = Measure(options.Runs, () => BacktestEngine.Run(spec, StrategyCatalog.Create(mode.Settings), market));
        var result = BacktestEngine.Run(spec, StrategyCatalog.Create(mode.Settings), market);
        var segmented = Measure(options.Runs, () => Segmented(spec, mode.Settings, market));
        var render = Measure(options.Runs, () => ResultArtefacts.Render(result));
        var old = await MeasureAsync(options.Runs, async () =>
        {
            // The path before orchestrations: read the data (no cache), run, write the four files.
            var data = await MarketDataBuilder.BuildAsync(new(Start, End), requests, new LocalMarketDataSource(BenchmarkData.Canonical));
            ResultWriter.Write(Path.Combine(temp, "old"), BacktestEngine.Run(spec, StrategyCatalog.Create(mode.Settings), data));
        });

        Console.WriteLine();
        Console.WriteLine("## One backtest (one year, 8,760 hours)");
        Console.WriteLine();
        Console.WriteLine("| path | median | min | runs | × engine |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        Row("bare engine (`BacktestEngine.Run`, data loaded)", engine, engine);
        Row("engine in 13 month segments, checkpoint and segment bytes between them", segmented, engine);
        Row("render the four result files (`ResultArtefacts.Render`)", render, engine);
        Row("old path: load data + run + write the results folder", old, engine);
        Console.WriteLine(string.Join(", ", ResultArtefacts.Render(result).Select(a => $"{a.Name} {a.Content.Length / 1024.0:N0} KB")));

        await using var host = await PipelineHost.StartAsync(Path.Combine(temp, "results-embedded"), new Dictionary<string, string> { ["BASIS_CLUSTER_MODE"] = "embedded" });
        var rows = new List<(string Name, Sample Sample, List<RunBreakdown> Breakdowns)>();
        foreach (var poll in options.PollIntervals)
        {
            var breakdowns = new List<RunBreakdown>();
            var lags = new List<double>();
            var sample = await MeasureAsync(options.Runs, async () =>
            {
                var submitted = DateTime.UtcNow;
                var status = await host.SubmitAsync("/api/v1/backtests", Body);
                var state = await host.PollAsync(status, poll);
                var seen = DateTime.UtcNow;
                var breakdown = RunBreakdown.From(await host.HistoryAsync(state.GetProperty("id").GetString()!));
                breakdowns.Add(breakdown);
                lags.Add((breakdown.StartedUtc - submitted).TotalMilliseconds + (seen - breakdown.CompletedUtc).TotalMilliseconds);
            });

            // Keep the measured runs only, not the warm-up.
            breakdowns.RemoveRange(0, breakdowns.Count - sample.Count);
            lags.RemoveRange(0, lags.Count - sample.Count);
            rows.Add(($"HTTP submit → poll every {poll.TotalMilliseconds:N0} ms → Completed", sample, breakdowns));
            Console.WriteLine($"poll {poll.TotalMilliseconds:N0} ms: submit→started + completed→seen by the client = {Median(lags):N1} ms median");
        }

        Console.WriteLine();
        Console.WriteLine("| path | median | min | runs | × engine | overhead vs engine | overhead vs old path |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, sample, _) in rows)
        {
            Console.WriteLine($"| {name} | {Ms(sample.Median)} | {Ms(sample.Min)} | {sample.Count} | {sample.Median / engine.Median:N1} | {(sample.Median - engine.Median) / engine.Median:P0} | {(sample.Median - old.Median) / old.Median:P0} |");
        }

        PrintBreakdown(rows[^1].Breakdowns, engine);
    }

    private static void PrintBreakdown(List<RunBreakdown> breakdowns, Sample engine)
    {
        var b = breakdowns[^1];
        Console.WriteLine();
        Console.WriteLine($"### Inside the orchestration (median of {breakdowns.Count}; {b.Activities} activities, {b.Turns} turns, {b.HistoryBytes / 1024.0:N0} KB of history)");
        Console.WriteLine();
        Console.WriteLine("| phase | median | × engine |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var phase in b.PhaseMs.Keys)
        {
            var ms = Median(breakdowns.Select(x => x.PhaseMs[phase]));
            Console.WriteLine($"| {phase} | {Ms(ms)} | {ms / engine.Median:N1} |");
        }

        Console.WriteLine($"| (engine time inside the segments) | {Ms(Median(breakdowns.Select(x => x.EngineMs)))} | |");
        Console.WriteLine($"| between activities (turns: replay, state write, dispatch) | {Ms(Median(breakdowns.Select(x => x.BetweenActivitiesMs)))} | {Median(breakdowns.Select(x => x.BetweenActivitiesMs)) / engine.Median:N1} |");
        Console.WriteLine($"| orchestration span (started → completed) | {Ms(Median(breakdowns.Select(x => x.SpanMs)))} | {Median(breakdowns.Select(x => x.SpanMs)) / engine.Median:N1} |");
    }

    private static async Task SweepsAsync(Options options, string temp)
    {
        var sweep = new Dictionary<string, object>(Body, StringComparer.Ordinal)
        {
            // Ranges inside what eth_basis validates (topup 0.15 < margin_fraction < excess 0.40).
            ["grid"] = new Dictionary<string, double[]>(StringComparer.Ordinal)
            {
                ["margin_fraction"] = Values(options.SweepValues, 0.20, 0.01),
                ["max_delta_drift"] = Values(options.SweepValues, 0.005, 0.005),
                ["position_deviation_threshold"] = Values(options.SweepValues, 0.005, 0.005),
            },
            ["rank_by"] = "sharpe",
        };

        Console.WriteLine();
        Console.WriteLine($"## Sweep of {options.SweepRuns:N0} one-year runs over HTTP");
        Console.WriteLine();
        var results = new List<string>();
        await using (var host = await PipelineHost.StartAsync(Path.Combine(temp, "results-sweep"), new Dictionary<string, string> { ["BASIS_CLUSTER_MODE"] = "embedded" }))
        {
            results.Add(await SweepAsync("embedded, one silo", host, sweep, options.SweepRuns));
        }

        if (options.Cluster)
        {
            results.Add(await ClusterSweepAsync(sweep, options.SweepRuns, temp));
        }

        Console.WriteLine();
        Console.WriteLine("| host | wall time (POST → Completed seen) | runs/s | sweep orchestration: start runs | last run reported | turns | history |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        results.ForEach(Console.WriteLine);
    }

    private static async Task<string> ClusterSweepAsync(Dictionary<string, object> sweep, int runs, string temp)
    {
        await using var redis = await RedisServer.StartAsync();
        var postgres = new PostgresServer();
        await postgres.InitializeAsync();
        try
        {
            var cluster = new Dictionary<string, string>
            {
                ["BASIS_CLUSTER_MODE"] = "redis",
                ["BASIS_REDIS_CONNECTION"] = redis.ConnectionString,
                ["BASIS_CLUSTER_ID"] = "bench",
                // A silo runs activities without a bound, so Npgsql's default pool (100) per silo exhausts PostgreSQL's
                // default max_connections (100) with two silos: cap each silo's pool below half of it.
                ["BASIS_DATABASE_CONNECTION"] = await postgres.CreateDatabaseAsync() + ";Maximum Pool Size=40",
            };
            await using var first = await PipelineHost.StartAsync(Path.Combine(temp, "unused"), cluster);
            await using var second = await PipelineHost.StartAsync(Path.Combine(temp, "unused"), cluster);
            await first.WaitForSilosAsync(2);
            return await SweepAsync("Redis cluster, two silos (PostgreSQL results)", first, sweep, runs);
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    private static async Task<string> SweepAsync(string name, PipelineHost host, Dictionary<string, object> sweep, int runs)
    {
        Console.WriteLine($"{name}: submitting…");
        var watch = Stopwatch.StartNew();
        var status = await host.SubmitAsync("/api/v1/sweeps", sweep);
        var state = await host.PollAsync(status, TimeSpan.FromMilliseconds(100));
        var wall = watch.Elapsed.TotalMilliseconds;
        var ranked = state.GetProperty("output").GetProperty("ranking").GetArrayLength();
        if (ranked != runs)
        {
            throw new InvalidOperationException($"{name}: {ranked} of {runs} runs ranked: {state.GetProperty("output").GetProperty("failures")}");
        }

        var history = await host.HistoryAsync(state.GetProperty("id").GetString()!);
        var b = RunBreakdown.From(history);
        var lastReport = history.Last(e => e.Kind == Orchestrations.History.HistoryEventKind.EventRaised).TimestampUtc;
        Console.WriteLine($"{name}: {wall / 1000:N1} s");
        return $"| {name} | {wall / 1000:N1} s | {runs / (wall / 1000):N0} | {Ms(b.PhaseMs.GetValueOrDefault(SweepOrchestrator.StartRunsActivity))} | {(lastReport - b.StartedUtc).TotalSeconds:N1} s | {b.Turns:N0} | {b.HistoryBytes / 1024.0 / 1024.0:N1} MB |";
    }

    /// <summary>The engine as the orchestration runs it: a month per segment, state through bytes, then assembled.</summary>
    private static BacktestResult Segmented(BacktestSpec spec, Core.Settings.ModeSettings settings, MarketData market)
    {
        var hours = (int)(End - Start).TotalHours;
        var segments = new List<SimulationSegment>();
        byte[]? checkpoint = null;
        for (var month = Start; month < End; month = month.AddMonths(1))
        {
            var strategy = StrategyCatalog.Create(settings);
            var simulation = checkpoint is null ? BacktestSimulation.Start(spec, strategy, market) : BacktestSimulation.Resume(spec, strategy, market, SimulationCheckpoint.FromBytes(checkpoint));
            var segment = simulation.RunUntil(Math.Min(hours, (int)(month.AddMonths(1) - Start).TotalHours));
            checkpoint = simulation.Checkpoint().ToBytes();
            segments.Add(SimulationSegment.FromBytes(segment.ToBytes()));
        }

        return BacktestSimulation.Assemble(spec, StrategyCatalog.Create(settings), market, SimulationCheckpoint.FromBytes(checkpoint!), segments, TimeSpan.Zero);
    }

    private static double[] Values(int count, double from, double step) =>
        Enumerable.Range(0, count).Select(i => Math.Round(from + (i * step), 6)).ToArray();

    private static Sample Measure(int runs, Action action) => MeasureAsync(runs, () =>
    {
        action();
        return Task.CompletedTask;
    }).GetAwaiter().GetResult();

    /// <summary>
    /// Warms up for at least <see cref="WarmupTime"/> (so the JIT has tiered the code up, as BenchmarkDotNet would), then
    /// times at least <paramref name="runs"/> calls and at least <see cref="MeasureTime"/> of them.
    /// </summary>
    private static async Task<Sample> MeasureAsync(int runs, Func<Task> action)
    {
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < 3 || warmup.Elapsed < WarmupTime; i++)
        {
            await action();
        }

        var times = new List<double>(runs);
        var measuring = Stopwatch.StartNew();
        while (times.Count < runs || measuring.Elapsed < MeasureTime)
        {
            var started = Stopwatch.GetTimestamp();
            await action();
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        return new Sample(Median(times), times.Min(), times.Count);
    }

    private static void Row(string name, Sample sample, Sample engine) =>
        Console.WriteLine($"| {name} | {Ms(sample.Median)} | {Ms(sample.Min)} | {sample.Count} | {sample.Median / engine.Median:N1} |");

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "N2" : "N0", CultureInfo.InvariantCulture) + " ms";

    private sealed record Sample(double Median, double Min, int Count);

    private sealed record Options(int Runs, int SweepValues, bool Backtest, bool Sweep, bool Cluster, IReadOnlyList<TimeSpan> PollIntervals)
    {
        public int SweepRuns => SweepValues * SweepValues * SweepValues;

        public static Options Parse(string[] args)
        {
            var options = new Options(10, 10, Backtest: true, Sweep: true, Cluster: true, [TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(2)]);
            for (var i = 0; i < args.Length; i++)
            {
                options = args[i] switch
                {
                    "--runs" => options with { Runs = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                    "--sweep-values" => options with { SweepValues = int.Parse(args[++i], CultureInfo.InvariantCulture) },
                    "--no-backtest" => options with { Backtest = false },
                    "--no-sweep" => options with { Sweep = false },
                    "--no-cluster" => options with { Cluster = false },
                    _ => throw new ArgumentException($"pipeline: unknown option '{args[i]}' (--runs N, --sweep-values K for K³ runs, --no-backtest, --no-sweep, --no-cluster)"),
                };
            }

            return options;
        }
    }

    /// <summary>A temporary folder, deleted on dispose.</summary>
    private sealed class TempFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("basis-pipeline-bench-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
