using BenchmarkDotNet.Attributes;
using Basis.Data.Canonical;

namespace Basis.Benchmarks;

/// <summary>Loading the whole imported reference period (every series, every month) into memory.</summary>
[MemoryDiagnoser]
public class DataLoadBenchmarks
{
    private string _root = string.Empty;

    [GlobalSetup]
    public void Setup() => _root = BenchmarkData.Canonical;

    /// <summary>Every series of 2024-01 → 2025-09, read in parallel over the machine's cores.</summary>
    [Benchmark]
    public long FullReferencePeriod()
    {
        long rows = 0;
        Parallel.ForEach(CanonicalLayout.DiscoverSeries(_root), id => Interlocked.Add(ref rows, CanonicalSeriesReader.ReadAll(_root, id).Count));
        return rows;
    }
}
