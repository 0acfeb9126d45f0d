using Basis.Data.Import;

namespace Basis.Benchmarks;

/// <summary>
/// The canonical reference data the benchmarks read: BASIS_BENCH_DATA if it already holds an import, otherwise
/// the original system's data (BASIS_REFERENCE_DATA) imported once per process into a temporary folder.
/// </summary>
internal static class BenchmarkData
{
    private static readonly Lazy<string> Root = new(Resolve);

    /// <summary>The repository's configs folder.</summary>
    public static string Configs { get; } = FindConfigs();

    public static string Canonical => Root.Value;

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable("BASIS_BENCH_DATA") is { Length: > 0 } ready && Directory.Exists(ready))
        {
            return ready;
        }

        var source = Environment.GetEnvironmentVariable("BASIS_REFERENCE_DATA");
        if (string.IsNullOrEmpty(source) || !Directory.Exists(source))
        {
            throw new InvalidOperationException("Set BASIS_REFERENCE_DATA to the reference data (../shared/reference-data) or BASIS_BENCH_DATA to an imported canonical folder.");
        }

        var target = Path.Combine(Path.GetTempPath(), "basis-bench-canonical");
        ReferenceDataImporter.Import(source, target);
        return target;
    }

    private static string FindConfigs()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var configs = Path.Combine(dir.FullName, "configs");
            if (Directory.Exists(Path.Combine(configs, "modes")))
            {
                return configs;
            }
        }

        throw new InvalidOperationException("configs/ not found above the benchmark assembly.");
    }
}
