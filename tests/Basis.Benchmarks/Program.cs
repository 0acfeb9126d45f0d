using Basis.Benchmarks;
using Basis.Benchmarks.Live;
using Basis.Benchmarks.Pipeline;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// "pipeline" measures the whole pipeline over seconds to minutes: tables of its own, not BenchmarkDotNet's loop.
if (args is ["pipeline", .. var rest])
{
    return await PipelineBenchmark.RunAsync(rest);
}

// "live": one paper cycle on an instance N hours old against a real PostgreSQL, split by the cycle's spans.
if (args is ["live", .. var options])
{
    return await PaperCycleBenchmark.RunAsync(options);
}

// "reconcile": the ledger against Binance, Bybit and OKX on the exchange simulator, through the real clients.
if (args is ["reconcile", .. var reconcileOptions])
{
    return await ReconcileBenchmark.RunAsync(reconcileOptions);
}

// In-process: the benchmarks run against the solution's own build, with no generated projects to restore.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15))
    .AddColumn(new HoursPerSecondColumn());
BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args, config);
return 0;
