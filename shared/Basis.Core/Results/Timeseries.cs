using Basis.Core.Time;

namespace Basis.Core.Results;

/// <summary>
/// Hourly values of a run (<c>timeseries.csv</c>): one row per hour, one column per measure. Infinite values
/// (a health factor without debt, a margin ratio without a position) are kept as such.
/// </summary>
public sealed class Timeseries
{
    private readonly double[] _values;

    internal Timeseries(HourGrid grid, IReadOnlyList<string> columns)
    {
        Grid = grid;
        Columns = columns;
        _values = new double[grid.Hours * columns.Count];
    }

    /// <summary>The hours (one row each).</summary>
    public HourGrid Grid { get; }

    /// <summary>Column names in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The value of column <paramref name="column"/> at <paramref name="hour"/>.</summary>
    public double this[int hour, int column] => _values[(hour * Columns.Count) + column];

    /// <summary>A column's values by name.</summary>
    public double[] Column(string name)
    {
        var c = IndexOf(name);
        var result = new double[Grid.Hours];
        for (var h = 0; h < Grid.Hours; h++)
        {
            result[h] = this[h, c];
        }

        return result;
    }

    /// <summary>The position of a column; throws naming the known columns.</summary>
    public int IndexOf(string name)
    {
        for (var c = 0; c < Columns.Count; c++)
        {
            if (Columns[c] == name)
            {
                return c;
            }
        }

        throw new ArgumentException($"No column '{name}' (columns: {string.Join(", ", Columns)}).", nameof(name));
    }

    internal Span<double> Row(int hour) => _values.AsSpan(hour * Columns.Count, Columns.Count);
}
