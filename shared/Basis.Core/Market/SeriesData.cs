namespace Basis.Core.Market;

/// <summary>
/// The rows of one series as read from (or written to) the canonical layout: strictly increasing Unix-second
/// timestamps and one array per column of <see cref="SeriesKindSpec.Columns"/>. Timestamp columns hold Unix seconds.
/// </summary>
public sealed class SeriesData
{
    private readonly long[] _times;
    private readonly double[][] _columns;

    /// <summary>Wraps arrays; every column must have one value per timestamp.</summary>
    public SeriesData(SeriesId id, long[] times, double[][] columns)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(columns);
        Spec = SeriesCatalog.Spec(id);
        if (columns.Length != Spec.Columns.Count)
        {
            throw new ArgumentException($"Series {id} needs {Spec.Columns.Count} columns ({string.Join(", ", Spec.Columns.Select(c => c.Name))}), got {columns.Length}.", nameof(columns));
        }

        foreach (var column in columns)
        {
            if (column.Length != times.Length)
            {
                throw new ArgumentException($"Series {id}: every column needs {times.Length} values, one per timestamp.", nameof(columns));
            }
        }

        Id = id;
        _times = times;
        _columns = columns;
    }

    /// <summary>The series.</summary>
    public SeriesId Id { get; }

    /// <summary>Its kind's contract.</summary>
    public SeriesKindSpec Spec { get; }

    /// <summary>Number of rows.</summary>
    public int Count => _times.Length;

    /// <summary>Row timestamps in Unix seconds.</summary>
    public ReadOnlySpan<long> Times => _times;

    /// <summary>The values of column <paramref name="index"/>.</summary>
    public ReadOnlySpan<double> Column(int index) => _columns[index];

    /// <summary>The values of a column by name.</summary>
    public ReadOnlySpan<double> Column(string name) => _columns[Spec.ColumnIndex(name)];

    /// <summary>An empty series of the given id.</summary>
    public static SeriesData Empty(SeriesId id) =>
        new(id, [], Enumerable.Range(0, SeriesCatalog.Spec(id).Columns.Count).Select(_ => Array.Empty<double>()).ToArray());
}
