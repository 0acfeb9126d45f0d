using Basis.Data.Import;

namespace Basis.Server.Tests.ReferenceData;

/// <summary>
/// The original system's real data (BASIS_REFERENCE_DATA, normally ../shared/reference-data), imported once into
/// a temporary canonical folder for the whole suite. Without the variable the suite is skipped, not faked.
/// </summary>
public sealed class ReferenceDataFixture : IDisposable
{
    private readonly string? _root;

    public ReferenceDataFixture()
    {
        Source = Environment.GetEnvironmentVariable("BASIS_REFERENCE_DATA");
        if (string.IsNullOrEmpty(Source) || !Directory.Exists(Source))
        {
            return;
        }

        _root = Directory.CreateTempSubdirectory("basis-reference-").FullName;
        Canonical = Path.Combine(_root, "canonical");
        Report = ReferenceDataImporter.Import(Source, Canonical);
    }

    /// <summary>The original layout's folder, if configured.</summary>
    public string? Source { get; }

    /// <summary>The imported canonical folder.</summary>
    public string Canonical { get; } = string.Empty;

    /// <summary>What the import did.</summary>
    public ImportReport? Report { get; }

    /// <summary>A scratch folder for run outputs.</summary>
    public string Scratch(string name) => Path.Combine(_root!, "runs", name);

    /// <summary>Skips the calling test unless the reference data is available.</summary>
    public void RequireData() =>
        Assert.SkipUnless(Report is not null, "BASIS_REFERENCE_DATA does not point at the reference data; .ci/run sets it to ../shared/reference-data.");

    public void Dispose()
    {
        if (_root is not null)
        {
            Directory.Delete(_root, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ReferenceDataSuite : ICollectionFixture<ReferenceDataFixture>
{
    public const string Name = "Reference data";
}
