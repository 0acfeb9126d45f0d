using Basis.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// In-process: the benchmarks run against the solution's own build, with no generated projects to restore.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance).WithWarmupCount(3).WithIterationCount(15))
    .AddColumn(new HoursPerSecondColumn());
BenchmarkSwitcher.FromAssembly(typeof(EngineBenchmarks).Assembly).Run(args, config);
