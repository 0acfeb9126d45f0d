namespace Basis.Core.Market;

/// <summary>
/// A series laid onto a run's hour grid: one value per hour per column. For bar series a missing bar is a flat
/// bar at the previous close; for event series hours without an event hold <see cref="double.NaN"/>.
/// </summary>
public sealed class AlignedSeries
{
    private readonly double[][] _columns;

    /// <summary>Wraps per-column arrays, all of the grid's length.</summary>
    public AlignedSeries(SeriesId id, double[][] columns)
    {
        Id = id;
        Spec = SeriesCatalog.Spec(id);
        _columns = columns;
    }

    /// <summary>The series.</summary>
    public SeriesId Id { get; }

    /// <summary>Its kind's contract.</summary>
    public SeriesKindSpec Spec { get; }

    /// <summary>This series' hours followed by <paramref name="tail"/>'s.</summary>
    internal AlignedSeries Append(AlignedSeries tail) =>
        new(Id, [.. _columns.Select((column, c) => (double[])[.. column, .. tail._columns[c]])]);

    /// <summary>Values of a column by name, indexed by hour.</summary>
    public double[] Column(string name) => _columns[Spec.ColumnIndex(name)];
}
