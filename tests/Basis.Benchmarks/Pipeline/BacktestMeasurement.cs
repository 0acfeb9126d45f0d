using System.Diagnostics;
using System.Globalization;
using Basis.Core.Simulation;
using Basis.Data.Results;
using Basis.Orchestrations.Backtests;

namespace Basis.Benchmarks.Pipeline;

/// <summary>
/// One backtest submitted over HTTP to the embedded host and polled until Completed, against the engine time of the
/// same run in the same process (the host's own workspace: configuration resolved, market data cached). The overhead
/// is split with the orchestration's own created / last-updated times and the pieces of the <c>RunBacktest</c>
/// activity timed one by one. A run keeps <c>summary.json</c> and a result pack; the first GET of a file renders the
/// files from the pack, timed after each run.
/// </summary>
internal static class BacktestMeasurement
{
    private const int Warmups = 5;
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(PipelineOptions options, string temp)
    {
        Console.WriteLine();
        Console.WriteLine($"## 2. One backtest over HTTP, embedded host ({options.HttpRuns} runs after {WarmupTime.TotalSeconds:N0} s of warm-up, status polled every {options.Poll.TotalMilliseconds:N0} ms)");
        await using var host = await PipelineHost.StartAsync(Path.Combine(temp, "results-http"));
        var body = PipelineBenchmark.Body(PipelineBenchmark.Start, PipelineBenchmark.End);
        // Long enough for the JIT to have tiered the hot code up: the engine runs 5–10× slower for the first ~6 s of runs.
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < Warmups || warming.Elapsed < WarmupTime; i++)
        {
            await OverHttpAsync(host, body, options.Poll);
            await ActivityPiecesAsync(host.Workspace);
        }

        // Alternated, so a change in the machine's load touches both alike; never at the same time.
        var pieces = new List<ActivityPieces>();
        var runs = new List<HttpRun>();
        for (var i = 0; i < options.HttpRuns; i++)
        {
            pieces.Add(await ActivityPiecesAsync(host.Workspace));
            runs.Add(await OverHttpAsync(host, body, options.Poll));
        }

        var engine = new Sample(pieces.Select(p => p.EngineMs));
        var keepFull = new Sample(pieces.Select(p => p.KeepFullMs));
        var keepSummary = new Sample(pieces.Select(p => p.KeepSummaryMs));
        var activity = new Sample(pieces.Select(p => p.ActivityMs));
        var http = new Sample(runs.Select(r => r.CompletedSeenMs));
        var overhead = http.Median - engine.Median;
        new ResultTable("One backtest: HTTP against the engine", "path", "median", "min", "max", "runs", "× engine")
            .Timing("engine: `BacktestEngine.Run`, market data cached", engine, "1")
            .Timing("the activity's body in-process: prepare, market data (cached), engine, keep the results", activity, ResultTable.Ratio(activity.Median / engine.Median))
            .Timing($"**HTTP POST → Completed seen** (poll every {options.Poll.TotalMilliseconds:N0} ms)", http, ResultTable.Ratio(http.Median / engine.Median))
            .Row("**HTTP − engine** (target ≤ 20 ms)", ResultTable.Ms(overhead), string.Empty, string.Empty, string.Empty, string.Empty)
            .Print();

        new ResultTable("Where the HTTP run's time goes (medians of the runs above)", "span", "median", "min", "max", "runs")
            .Timing("POST → 202 (request checked, run recorded, orchestration scheduled)", new Sample(runs.Select(r => r.AcceptedMs)))
            .Timing("POST sent → orchestration created (engine's clock)", new Sample(runs.Select(r => r.CreatedMs)))
            .Timing("orchestration created → completed (engine's clock)", new Sample(runs.Select(r => r.OrchestrationMs)))
            .Timing("· engine inside it (summary `elapsed_ms`, whole ms)", new Sample(runs.Select(r => r.EngineElapsedMs)))
            .Timing("· keep the results: `summary.json` and the result pack (timed in-process)", keepFull)
            .Timing("· keep `summary.json` only (what a sweep's run keeps; timed in-process)", keepSummary)
            .Timing("· prepare + market data from the cache (timed in-process)", new Sample(pieces.Select(p => p.PrepareMs + p.MarketMs)))
            .Timing("orchestration completed → Completed seen by a poll", new Sample(runs.Select(r => r.CompletedSeenMs - r.CompletedMs)))
            .Timing("first GET of `…/report` after Completed (renders the three files from the pack; not in the above)", new Sample(runs.Select(r => r.FirstReportMs)))
            .Timing("rendering the four files alone (`ResultArtefacts.Render`, timed in-process)", new Sample(pieces.Select(p => p.RenderMs)))
            .Row("status polls per run", new Sample(runs.Select(r => (double)r.Polls)).Median.ToString("N0", CultureInfo.InvariantCulture), string.Empty, string.Empty, string.Empty)
            .Print();
        var pack = keepFull.Median - keepSummary.Median;
        Console.WriteLine($"Keeping the result pack beside summary.json: {ResultTable.Ms(pack)} of the {ResultTable.Ms(overhead)} above the engine ({pack / overhead:P0}).");
    }

    /// <summary>What <c>RunBacktest</c> does, piece by piece, on the host's workspace (warm caches), keeping into the host's result store.</summary>
    private static async Task<ActivityPieces> ActivityPiecesAsync(BacktestWorkspace workspace)
    {
        const string RunId = "bench-activity";
        var started = Stopwatch.GetTimestamp();
        var prepared = workspace.Prepare(RunId, PipelineBenchmark.Request);
        var prepareMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        var market = await workspace.MarketAsync(prepared);
        var marketMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds - prepareMs;
        var engineStarted = Stopwatch.GetTimestamp();
        var result = BacktestEngine.Run(prepared.Spec, prepared.Strategy, market);
        var engineMs = Stopwatch.GetElapsedTime(engineStarted).TotalMilliseconds;
        var keepStarted = Stopwatch.GetTimestamp();
        await workspace.KeepAsync(RunId, KeptResults.Full, result);
        var keepFullMs = Stopwatch.GetElapsedTime(keepStarted).TotalMilliseconds;
        var activityMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        keepStarted = Stopwatch.GetTimestamp();
        await workspace.KeepAsync(RunId + "-summary", KeptResults.SummaryOnly, result);
        var keepSummaryMs = Stopwatch.GetElapsedTime(keepStarted).TotalMilliseconds;
        var renderStarted = Stopwatch.GetTimestamp();
        _ = ResultArtefacts.Render(result);
        return new ActivityPieces(prepareMs, marketMs, engineMs, keepFullMs, keepSummaryMs, Stopwatch.GetElapsedTime(renderStarted).TotalMilliseconds, activityMs);
    }

    private static async Task<HttpRun> OverHttpAsync(PipelineHost host, object body, TimeSpan poll)
    {
        var sentUtc = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        var statusUri = await host.SubmitAsync("backtests", body);
        var accepted = clock.Elapsed.TotalMilliseconds;
        var polls = 0;
        while (true)
        {
            var status = await host.StatusAsync(statusUri);
            polls++;
            var state = PipelineHost.RuntimeStatus(status);
            if (state is "Pending" or "Running")
            {
                await Task.Delay(poll);
                continue;
            }

            var seen = clock.Elapsed.TotalMilliseconds;
            if (state != "Completed")
            {
                throw new InvalidOperationException($"{statusUri} ended {state}: {status}");
            }

            var id = status.GetProperty("id").GetString()!;
            var instance = await host.Engine.GetInstanceAsync(id) ?? throw new InvalidOperationException($"the engine does not know {id}");
            var elapsed = status.GetProperty("output").GetProperty("metrics").GetProperty("elapsed_ms").GetDouble();
            var reportStarted = Stopwatch.GetTimestamp();
            using (var report = await host.Http.GetAsync(new Uri(statusUri + "/report")))
            {
                report.EnsureSuccessStatusCode();
            }

            return new HttpRun(
                accepted,
                (instance.CreatedAt - sentUtc).TotalMilliseconds,
                (instance.LastUpdatedAt - sentUtc).TotalMilliseconds,
                seen,
                elapsed,
                polls,
                Stopwatch.GetElapsedTime(reportStarted).TotalMilliseconds);
        }
    }

    private sealed record ActivityPieces(double PrepareMs, double MarketMs, double EngineMs, double KeepFullMs, double KeepSummaryMs, double RenderMs, double ActivityMs);

    private sealed record HttpRun(double AcceptedMs, double CreatedMs, double CompletedMs, double CompletedSeenMs, double EngineElapsedMs, int Polls, double FirstReportMs)
    {
        public double OrchestrationMs => CompletedMs - CreatedMs;
    }
}
