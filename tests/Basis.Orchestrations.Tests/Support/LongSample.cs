using Basis.Data.Sample;

namespace Basis.Orchestrations.Tests.Support;

/// <summary>
/// Sample data over fourteen months (2024-01 → 2025-03), generated once per test run by the project's own generator,
/// for runs longer than a year (the bundled sample covers three months).
/// </summary>
public sealed class LongSample : IDisposable
{
    public static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly DateTime End = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    public LongSample()
    {
        Folder = Directory.CreateTempSubdirectory("basis-long-sample-").FullName;
        SampleDataGenerator.Generate(Folder, SampleDataOptions.Default with { StartUtc = Start, EndUtc = End });
    }

    public string Folder { get; }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
