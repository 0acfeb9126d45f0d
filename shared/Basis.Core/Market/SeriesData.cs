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

    /// <summary>
    /// The rows of <paramref name="parts"/> (in order, e.g. month by month) with timestamps in
    /// <c>[fromUnixSeconds, toUnixSeconds)</c>, as one series.
    /// </summary>
    public static SeriesData Concatenate(SeriesId id, IReadOnlyList<SeriesData> parts, long fromUnixSeconds, long toUnixSeconds)
    {
        var columnCount = SeriesCatalog.Spec(id).Columns.Count;
        var total = 0;
        foreach (var part in parts)
        {
            total += part.Count;
        }

        var times = new long[total];
        var columns = new double[columnCount][];
        for (var c = 0; c < columnCount; c++)
        {
            columns[c] = new double[total];
        }

        var n = 0;
        foreach (var part in parts)
        {
            for (var i = 0; i < part.Count; i++)
            {
                var t = part.Times[i];
                if (t < fromUnixSeconds || t >= toUnixSeconds)
                {
                    continue;
                }

                times[n] = t;
                for (var c = 0; c < columnCount; c++)
                {
                    columns[c][n] = part.Column(c)[i];
                }

                n++;
            }
        }

        if (n != total)
        {
            Array.Resize(ref times, n);
            for (var c = 0; c < columnCount; c++)
            {
                Array.Resize(ref columns[c], n);
            }
        }

        return new SeriesData(id, times, columns);
    }
}
