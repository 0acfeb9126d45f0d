using System.Diagnostics;
using System.Globalization;
using Basis.Configuration.Binding;
using Basis.Core.Simulation;
using Basis.Data.Canonical;
using Basis.Data.Stores;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Sweeps;
using Basis.Testing;

namespace Basis.Benchmarks.Pipeline;

/// <summary>
/// Sweeps of the benchmark's backtest over a grid of three <c>btc_basis</c> settings: K³ one-year runs over HTTP on the
/// embedded host against the same runs in a plain loop (what <c>RunBacktest</c> does, without orchestration), the same
/// sweep on Azurite, and the largest sweep allowed (10,000 runs, over a short period) for the process' peak memory and
/// the latency of <c>/health</c> while it runs.
/// </summary>
internal static class SweepMeasurement
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(10);

    /// <summary>The swept settings and their ranges (inside what btc_basis validates: top-up 0.15 &lt; margin_fraction &lt; excess 0.40).</summary>
    private static readonly (string Setting, double From, double To)[] Axes =
    [
        ("margin_fraction", 0.16, 0.35),
        ("max_delta_drift", 0.0025, 0.05),
        ("position_deviation_threshold", 0.002, 0.05),
    ];

    public static async Task SweepAgainstLoopAsync(PipelineOptions options, string temp)
    {
        var values = Enumerable.Repeat(options.GridValues, 3).ToArray();
        Console.WriteLine();
        Console.WriteLine($"## 3. Sweep of {options.SweepRuns:N0} one-year runs ({Grid(values)}), embedded host against a plain loop ({options.Sweeps} repetition(s) after {WarmupTime.TotalSeconds:N0} s of warm-up)");
        var sweep = SweepBody(PipelineBenchmark.Start, PipelineBenchmark.End, values);
        await using (var warm = await PipelineHost.StartAsync(Path.Combine(temp, "warm-up")))
        {
            // Until the JIT has tiered the hot code up (the engine runs 5–10× slower for the first ~6 s of runs).
            var warming = Stopwatch.StartNew();
            while (warming.Elapsed < WarmupTime)
            {
                await SweepAsync(warm, SweepBody(PipelineBenchmark.Start, PipelineBenchmark.End, [3, 3, 3]), 27);
                await LoopAsync(Cases(PipelineBenchmark.Start, PipelineBenchmark.End, [3, 3, 3]), Path.Combine(temp, "warm-up-loop"), 1);
            }
        }

        var loop = new Timings();
        var parallel = new Timings();
        var overHttp = new Timings();
        var accepted = new Sample();
        var cases = Cases(PipelineBenchmark.Start, PipelineBenchmark.End, values);
        for (var i = 0; i < options.Sweeps; i++)
        {
            var repetition = i;
            await loop.MeasureAsync(() => LoopAsync(cases, Path.Combine(temp, $"loop-{repetition}"), 1));
            await parallel.MeasureAsync(() => LoopAsync(cases, Path.Combine(temp, $"parallel-{repetition}"), Environment.ProcessorCount));
            await using var host = await PipelineHost.StartAsync(Path.Combine(temp, $"sweep-{i}"));
            accepted.Add((await overHttp.MeasureAsync(() => SweepAsync(host, sweep, options.SweepRuns))).AcceptedMs);
            Console.WriteLine($"repetition {i + 1}: loop {ResultTable.Seconds(loop.Wall.Last)}, parallel loop {ResultTable.Seconds(parallel.Wall.Last)}, sweep {ResultTable.Seconds(overHttp.Wall.Last)}");
        }

        new ResultTable($"Sweep of {options.SweepRuns:N0} one-year runs against a loop", "path", "median", "min", "max", "repetitions", "runs/s", "× loop", "CPU time (this process)", "allocated per run", "GC pauses")
            .Row([.. SecondsRow("direct loop, one thread: prepare → market data → engine → keep summary.json", loop.Wall, options.SweepRuns, loop.Wall), .. loop.Costs(options.SweepRuns)])
            .Row([.. SecondsRow($"direct loop, {Environment.ProcessorCount} at a time (Parallel.ForEachAsync)", parallel.Wall, options.SweepRuns, loop.Wall), .. parallel.Costs(options.SweepRuns)])
            .Row([.. SecondsRow("**sweep over HTTP, embedded host: POST → Completed seen** (target ≤ 2× loop)", overHttp.Wall, options.SweepRuns, loop.Wall), .. overHttp.Costs(options.SweepRuns)])
            .Row([.. SecondsRow("· of which POST → 202 (every run's request checked)", accepted), string.Empty, string.Empty, string.Empty])
            .Print();
        Console.WriteLine($"sweep / loop: {ResultTable.Ratio(overHttp.Wall.Median / loop.Wall.Median)}; sweep / parallel loop: {ResultTable.Ratio(overHttp.Wall.Median / parallel.Wall.Median)}");
        PrintExpansion(SweepRequestOf(PipelineBenchmark.Start, PipelineBenchmark.End, values));
    }

    public static async Task AzuriteAsync(PipelineOptions options, string temp)
    {
        var values = Enumerable.Repeat(options.GridValues, 3).ToArray();
        Console.WriteLine();
        Console.WriteLine($"## 4. Sweep of {options.SweepRuns:N0} one-year runs on Azurite (Azure Storage back end), one process ({options.Sweeps} repetition(s))");
        await using var azurite = new AzuriteServer();
        await azurite.InitializeAsync();
        string connection;
        try
        {
            connection = azurite.ConnectionString;
        }
        catch (Xunit.Sdk.SkipException e)
        {
            Console.WriteLine($"Skipped: {e.Message.Replace("$XunitDynamicSkip$", string.Empty, StringComparison.Ordinal)}");
            return;
        }

        // The Azure Storage code paths warmed up on a task hub of their own: the JIT, not storage, would dominate a first sweep.
        await using (var warm = await PipelineHost.StartAsync(Path.Combine(temp, "azurite-warm-up"), AzureStorage(connection, "benchwarmup")))
        {
            await SweepAsync(warm, SweepBody(PipelineBenchmark.Start, PipelineBenchmark.End, [2, 2, 2]), 8);
        }

        var started = new Sample();
        var sweep = new Timings();
        var accepted = new Sample();
        for (var i = 0; i < options.Sweeps; i++)
        {
            var clock = Stopwatch.StartNew();
            await using var host = await PipelineHost.StartAsync(Path.Combine(temp, $"azurite-{i}"), AzureStorage(connection, string.Create(CultureInfo.InvariantCulture, $"bench{i}")));
            started.Add(clock.Elapsed.TotalMilliseconds);
            accepted.Add((await sweep.MeasureAsync(() => SweepAsync(host, SweepBody(PipelineBenchmark.Start, PipelineBenchmark.End, values), options.SweepRuns))).AcceptedMs);
            Console.WriteLine($"repetition {i + 1}: {ResultTable.Seconds(sweep.Wall.Last)}");
        }

        new ResultTable($"Sweep of {options.SweepRuns:N0} one-year runs on Azurite", "span", "median", "min", "max", "repetitions", "runs/s", "× 60 s", "CPU time (this process)", "allocated per run", "GC pauses")
            .Row([.. SecondsRow("**POST → Completed seen** (target ≤ 60 s)", sweep.Wall, options.SweepRuns, new Sample([60_000])), .. sweep.Costs(options.SweepRuns)])
            .Row([.. SecondsRow("· of which POST → 202", accepted), string.Empty, string.Empty, string.Empty])
            .Print();
        Console.WriteLine($"Host start on a new task hub (queues, tables, leases), not in the above: {ResultTable.Ms(started.Median)} (median)");
    }

    public static async Task LargestAsync(PipelineOptions options, string temp)
    {
        int[] values = [20, 20, 25];
        var runs = values.Aggregate(1, (n, v) => n * v);
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var end = start.AddMonths(options.MaxMonths);
        Console.WriteLine();
        Console.WriteLine($"## 5. The largest sweep: {runs:N0} runs ({Grid(values)}), {start:yyyy-MM-dd} → {end:yyyy-MM-dd}, embedded host: memory and /health latency");
        await using var host = await PipelineHost.StartAsync(Path.Combine(temp, "max"));
        await SweepAsync(host, SweepBody(start, end, [2, 2, 2]), 8);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var baselineWorkingSet = (double)Environment.WorkingSet;
        var baselineHeap = (double)GC.GetTotalMemory(forceFullCollection: false);

        using var stop = new CancellationTokenSource();
        var pausedBefore = GC.GetTotalPauseDuration();
        var gen2Before = GC.CollectionCount(2);
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var timeline = Stopwatch.StartNew();
        var process = SampleProcessAsync(stop.Token);
        var health = ProbeHealthAsync(host.Http.BaseAddress!, timeline, stop.Token);
        var run = await SweepAsync(host, SweepBody(start, end, values), runs, TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        var samples = await process;
        var probes = await health;
        var retained = (double)GC.GetTotalMemory(forceFullCollection: true);
        var latency = new Sample(probes.Select(p => p.LatencyMs));
        var slow = probes.Where(p => p.LatencyMs > 100).ToList();

        new ResultTable($"Sweep of {runs:N0} runs over {options.MaxMonths} month(s), embedded host", "figure", "value", "target")
            .Row("POST → Completed seen", ResultTable.Seconds(run.WallMs), string.Empty)
            .Row("· of which POST → 202 (every run's request checked)", ResultTable.Seconds(run.AcceptedMs), string.Empty)
            .Row("runs per second", (runs / (run.WallMs / 1000)).ToString("N0", CultureInfo.InvariantCulture), string.Empty)
            .Row("**peak working set** (sampled every 100 ms)", ResultTable.Megabytes(samples.WorkingSet.Max), "≤ 1,536 MB")
            .Row("working set before the sweep (after a full GC)", ResultTable.Megabytes(baselineWorkingSet), string.Empty)
            .Row("peak GC heap (`GC.GetTotalMemory`)", ResultTable.Megabytes(samples.Heap.Max), string.Empty)
            .Row("GC heap before the sweep", ResultTable.Megabytes(baselineHeap), string.Empty)
            .Row("peak memory committed by the GC", ResultTable.Megabytes(samples.Committed.Max), string.Empty)
            .Row("GC heap after the sweep (after a full GC: what the embedded engine keeps)", ResultTable.Megabytes(retained), string.Empty)
            .Row("processor time of the process during the sweep", ResultTable.Seconds((Environment.CpuUsage.TotalTime - cpuBefore).TotalMilliseconds), string.Empty)
            .Row("allocated during the sweep (the whole process)", ResultTable.Megabytes(GC.GetTotalAllocatedBytes() - allocatedBefore), string.Empty)
            .Row("GC pauses during the sweep (total; gen-2 collections)", $"{ResultTable.Ms((GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds)}; {GC.CollectionCount(2) - gen2Before}", string.Empty)
            .Row("thread-pool threads, most / work items queued, most", $"{samples.Threads.Max:N0} / {samples.Queued.Max:N0}", string.Empty)
            .Row("`/health` probes (every 250 ms, own connection)", latency.Count.ToString("N0", CultureInfo.InvariantCulture), string.Empty)
            .Row("`/health` p50 / p99", $"{ResultTable.Ms(latency.Median)} / {ResultTable.Ms(latency.Percentile(99))}", string.Empty)
            .Row("**`/health` max**", ResultTable.Ms(latency.Max), "every probe ≤ 100 ms")
            .Row("`/health` probes over 100 ms: during the POST / after it", $"{slow.Count(p => p.AtMs < run.AcceptedMs)} / {slow.Count(p => p.AtMs >= run.AcceptedMs)}", "0")
            .Row("GC pause inside the probes over 100 ms (median)", ResultTable.Ms(new Sample(slow.Select(p => p.GcPauseMs)).Median), string.Empty)
            .Print();
        Console.WriteLine($"Slowest probes (latency at seconds since the POST, and the GC pauses while it waited): {string.Join(", ", probes.OrderByDescending(p => p.LatencyMs).Take(10).Select(p => $"{ResultTable.Ms(p.LatencyMs)} at {p.AtMs / 1000:N1} s ({ResultTable.Ms(p.GcPauseMs)} GC pause)"))}");
        PrintExpansion(SweepRequestOf(start, end, values));
    }

    /// <summary>The settings of a host on the Azure Storage back end, on its own task hub.</summary>
    private static Dictionary<string, string> AzureStorage(string connection, string taskHub) => new(StringComparer.Ordinal)
    {
        ["BASIS_ORCHESTRATION_BACKEND"] = "azure_storage",
        ["AzureWebJobsStorage"] = connection,
        ["BASIS_TASK_HUB"] = taskHub,
    };

    /// <summary>POSTs a sweep and polls it until Completed; checks that every run was ranked.</summary>
    private static async Task<SweepRun> SweepAsync(PipelineHost host, object body, int runs, TimeSpan? poll = null)
    {
        var clock = Stopwatch.StartNew();
        var statusUri = await host.SubmitAsync("sweeps", body);
        var accepted = clock.Elapsed.TotalMilliseconds;
        var status = await host.WaitAsync(statusUri, poll ?? Poll);
        var wall = clock.Elapsed.TotalMilliseconds;
        var output = status.GetProperty("output");
        var ranked = output.GetProperty("ranking").GetArrayLength();
        if (ranked != runs)
        {
            throw new InvalidOperationException($"{ranked:N0} of {runs:N0} runs ranked; failures: {output.GetProperty("failures")}");
        }

        return new SweepRun(accepted, wall);
    }

    /// <summary>
    /// The sweep's runs without orchestration, as <c>RunBacktest</c> does each: prepare, market data (cached per period),
    /// engine, keep <c>summary.json</c> into a result folder, on a fresh workspace (cold caches, as a new host's).
    /// </summary>
    private static async Task LoopAsync(IReadOnlyList<SweepCase> cases, string results, int parallelism)
    {
        var workspace = new BacktestWorkspace(BasisConfiguration.Load(BenchmarkData.Configs), new LocalMarketDataSource(BenchmarkData.Canonical), new FolderResultStore(results), new MemoryResultStore());
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (run, cancellationToken) =>
        {
            var prepared = workspace.Prepare(run.RunId, run.Request);
            var market = await workspace.MarketAsync(prepared, cancellationToken);
            var result = BacktestEngine.Run(prepared.Spec, prepared.Strategy, market);
            await workspace.KeepAsync(run.RunId, run.Request.Keep, result, cancellationToken);
        });
    }

    private static IReadOnlyList<SweepCase> Cases(DateTime start, DateTime end, int[] values) => SweepGrid.Expand("sw_bench_loop", SweepRequestOf(start, end, values));

    private static SweepRequest SweepRequestOf(DateTime start, DateTime end, int[] values)
    {
        var grid = Axes.Zip(values).ToDictionary(
            a => a.First.Setting,
            a => (IReadOnlyList<string>)Values(a.First, a.Second).Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToList(),
            StringComparer.Ordinal);
        return new SweepRequest(PipelineBenchmark.Request with { StartUtc = start, EndUtc = end }, grid);
    }

    /// <summary>
    /// What building a batch costs: the <c>Sweep</c> orchestrator builds its current batch (the last one here, the
    /// furthest to decode) on every episode (each replay), and an episode runs for every batch of runs that finish.
    /// </summary>
    private static void PrintExpansion(SweepRequest sweep)
    {
        var times = new Sample();
        long allocated = 0;
        var runs = SweepGrid.Count(sweep);
        for (var i = 0; i < 10; i++)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            SweepGrid.Expand("sw_bench_expand", sweep, runs - SweepOrchestrator.BatchSize, SweepOrchestrator.BatchSize);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - bytes;
        }

        Console.WriteLine($"Building a batch of {SweepOrchestrator.BatchSize} of the {runs:N0} runs (the sweep orchestrator does it on every episode): {ResultTable.Ms(times.Median)} and {ResultTable.Megabytes(allocated)} allocated each time");
    }

    private static Dictionary<string, object> SweepBody(DateTime start, DateTime end, int[] values)
    {
        var body = PipelineBenchmark.Body(start, end);
        body["grid"] = Axes.Zip(values).ToDictionary(a => a.First.Setting, a => Values(a.First, a.Second), StringComparer.Ordinal);
        body["rank_by"] = "sharpe";
        return body;
    }

    /// <summary><paramref name="count"/> values spread evenly over the axis' range.</summary>
    private static double[] Values((string Setting, double From, double To) axis, int count) =>
        Enumerable.Range(0, count).Select(i => Math.Round(count == 1 ? axis.From : axis.From + (i * (axis.To - axis.From) / (count - 1)), 6)).ToArray();

    private static string Grid(int[] values) =>
        string.Join(" × ", Axes.Zip(values).Select(a => $"{a.Second} `{a.First.Setting}` {a.First.From.ToString(CultureInfo.InvariantCulture)}–{a.First.To.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>A row in seconds; with <paramref name="runs"/>, the runs per second and the ratio to <paramref name="baseline"/>'s median.</summary>
    private static string[] SecondsRow(string what, Sample sample, int? runs = null, Sample? baseline = null) =>
    [
        what, ResultTable.Seconds(sample.Median), ResultTable.Seconds(sample.Min), ResultTable.Seconds(sample.Max), sample.Count.ToString(CultureInfo.InvariantCulture),
        runs is { } n ? (n / (sample.Median / 1000)).ToString("N0", CultureInfo.InvariantCulture) : string.Empty,
        baseline is null ? string.Empty : ResultTable.Ratio(sample.Median / baseline.Median),
    ];

    /// <summary>The working set, GC heap, GC-committed bytes and the thread pool every 100 ms until cancelled.</summary>
    private static async Task<ProcessSamples> SampleProcessAsync(CancellationToken stop)
    {
        var samples = new ProcessSamples(new Sample(), new Sample(), new Sample(), new Sample(), new Sample());
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        do
        {
            samples.WorkingSet.Add(Environment.WorkingSet);
            samples.Heap.Add(GC.GetTotalMemory(forceFullCollection: false));
            samples.Committed.Add(GC.GetGCMemoryInfo().TotalCommittedBytes);
            samples.Threads.Add(ThreadPool.ThreadCount);
            samples.Queued.Add(ThreadPool.PendingWorkItemCount);
        }
        while (await Tick(timer, stop));
        return samples;
    }

    /// <summary>GETs <c>/health</c> every 250 ms on a connection of its own until cancelled (see <see cref="Probe"/>; times on <paramref name="timeline"/>).</summary>
    private static async Task<List<Probe>> ProbeHealthAsync(Uri host, Stopwatch timeline, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = host };
        var probes = new List<Probe>();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        while (await Tick(timer, stop))
        {
            var (at, paused) = (timeline.Elapsed.TotalMilliseconds, GC.GetTotalPauseDuration());
            using var response = await http.GetAsync(new Uri("/health", UriKind.Relative), CancellationToken.None);
            response.EnsureSuccessStatusCode();
            probes.Add(new Probe(at, timeline.Elapsed.TotalMilliseconds - at, (GC.GetTotalPauseDuration() - paused).TotalMilliseconds));
        }

        return probes;
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stop)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stop);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private sealed record SweepRun(double AcceptedMs, double WallMs);

    /// <summary>Wall times of one path, with what the process allocated and paused for GC while it ran.</summary>
    private sealed class Timings
    {
        public Sample Wall { get; } = new();

        public Sample Allocated { get; } = new();

        public Sample GcPauseMs { get; } = new();

        /// <summary>Processor time this process used (all threads), in milliseconds.</summary>
        public Sample CpuMs { get; } = new();

        public async Task<T> MeasureAsync<T>(Func<Task<T>> work)
        {
            T result = default!;
            await MeasureAsync(async () => { result = await work(); });
            return result;
        }

        public async Task MeasureAsync(Func<Task> work)
        {
            var (allocated, paused, cpu) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), Environment.CpuUsage.TotalTime);
            var clock = Stopwatch.StartNew();
            await work();
            Wall.Add(clock.Elapsed.TotalMilliseconds);
            CpuMs.Add((Environment.CpuUsage.TotalTime - cpu).TotalMilliseconds);
            Allocated.Add(GC.GetTotalAllocatedBytes() - allocated);
            GcPauseMs.Add((GC.GetTotalPauseDuration() - paused).TotalMilliseconds);
        }

        /// <summary>The median processor time, allocation per run and GC pause, as table cells.</summary>
        public string[] Costs(int runs) => [ResultTable.Seconds(CpuMs.Median), ResultTable.Megabytes(Allocated.Median / runs, decimals: 1), ResultTable.Seconds(GcPauseMs.Median)];
    }

    /// <summary>A <c>/health</c> probe: when it started, how long it took, and how long the process was paused for GC meanwhile.</summary>
    private sealed record Probe(double AtMs, double LatencyMs, double GcPauseMs);

    private sealed record ProcessSamples(Sample WorkingSet, Sample Heap, Sample Committed, Sample Threads, Sample Queued);
}
