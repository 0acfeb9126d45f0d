using Basis.Core.Market;

using Basis.Server.Tests.Support;

namespace Basis.Server.Tests;

public sealed class DataSeriesDocumentationTests
{
    private static readonly string Page = File.ReadAllText(Path.Combine(Repository.Root, "docs", "data-series.md"));

    public static TheoryData<string> Kinds => [.. SeriesCatalog.Kinds.Select(k => k.Name)];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_and_column_of_the_catalogue_is_documented(string kind)
    {
        var spec = SeriesCatalog.Kinds.Single(k => k.Name == kind);

        Assert.Contains($"### `{spec.IdPattern}`", Page, StringComparison.Ordinal);
        foreach (var column in spec.Columns)
        {
            Assert.Contains($"| `{column.Name}` |", Page, StringComparison.Ordinal);
        }

        if (spec.Cadence != SeriesCadence.Event)
        {
            // The staleness is stated in the kind's introduction, before the next heading.
            var section = Page[(Page.IndexOf($"### `{spec.IdPattern}`", StringComparison.Ordinal) + 4)..];
            var next = section.IndexOf("\n#", StringComparison.Ordinal);
            Assert.Contains($"Staleness {spec.StalenessHours} h", next > 0 ? section[..next] : section, StringComparison.Ordinal);
        }
    }
}
