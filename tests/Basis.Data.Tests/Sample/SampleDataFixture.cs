using System.Collections.Concurrent;
using Basis.Core.Market;
using Basis.Data.Canonical;
using Basis.Data.Sample;

namespace Basis.Data.Tests.Sample;

/// <summary>The default sample, generated once into a temporary folder for all of <see cref="SampleDataGeneratorTests"/>.</summary>
public sealed class SampleDataFixture : IDisposable
{
    private readonly ConcurrentDictionary<string, SeriesData> _read = new(StringComparer.Ordinal);

    public SampleDataFixture()
    {
        Root = Directory.CreateTempSubdirectory("basis-sample-").FullName;
        Written = SampleDataGenerator.Generate(Root);
    }

    public string Root { get; }

    public IReadOnlyList<SeriesId> Written { get; }

    public static SampleDataOptions Options => SampleDataOptions.Default;

    /// <summary>A series read back through the canonical reader, as a run would see it.</summary>
    public SeriesData Read(string id) => _read.GetOrAdd(id, name => CanonicalSeriesReader.ReadAll(Root, SeriesId.Parse(name)));

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
