namespace Basis.Core.Market;

/// <summary>The contract of one kind of series: its columns, cadence and how old a value may be when read.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Name">The id's first segment (<c>spot</c>, <c>funding</c>, ...).</param>
/// <param name="IdPattern">How ids of this kind are formed, for the docs.</param>
/// <param name="Description">What the series holds.</param>
/// <param name="Cadence">How often rows come.</param>
/// <param name="StalenessHours">
/// The oldest a value may be, in hours, when a run reads it "as of" an hour; 0 for event series, which are
/// never forward-filled.
/// </param>
/// <param name="Columns">The columns after <c>timestamp</c>, in file order.</param>
public sealed record SeriesKindSpec(
    SeriesKind Kind,
    string Name,
    string IdPattern,
    string Description,
    SeriesCadence Cadence,
    int StalenessHours,
    IReadOnlyList<ColumnSpec> Columns)
{
    /// <summary>The header line of a canonical file of this kind.</summary>
    public string Header => "timestamp," + string.Join(',', Columns.Select(c => c.Name));

    /// <summary>The position of a column by name; throws when the kind has no such column.</summary>
    public int ColumnIndex(string name)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == name)
            {
                return i;
            }
        }

        throw new ArgumentException($"Series kind '{Name}' has no column '{name}' (columns: {string.Join(", ", Columns.Select(c => c.Name))}).", nameof(name));
    }
}
