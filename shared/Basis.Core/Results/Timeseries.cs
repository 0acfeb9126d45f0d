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

    /// <summary>
    /// A timeseries from whole columns, for code that needs one without running the engine (tests of the result
    /// writers, tools). The values are copied; non-finite values are kept as they are.
    /// </summary>
    /// <param name="grid">The hours; every column holds one value per hour.</param>
    /// <param name="names">Column names, in order.</param>
    /// <param name="values">One array per name, in the same order, each <see cref="HourGrid.Hours"/> long.</param>
    public static Timeseries FromColumns(HourGrid grid, IReadOnlyList<string> names, IReadOnlyList<double[]> values)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(values);
        if (names.Count != values.Count)
        {
            throw new ArgumentException($"Expected one value array per column name: {names.Count} names, {values.Count} arrays.", nameof(values));
        }

        var timeseries = new Timeseries(grid, [.. names]);
        for (var c = 0; c < values.Count; c++)
        {
            if (values[c].Length != grid.Hours)
            {
                throw new ArgumentException($"Column '{names[c]}' has {values[c].Length} values; the grid has {grid.Hours} hours.", nameof(values));
            }

            for (var h = 0; h < grid.Hours; h++)
            {
                timeseries._values[(h * names.Count) + c] = values[c][h];
            }
        }

        return timeseries;
    }

    /// <summary>
    /// A timeseries from its values laid out as <see cref="Values"/> returns them (hour after hour), for code that
    /// stores a run's rows and reads them back. The values are copied bit for bit.
    /// </summary>
    /// <param name="grid">The hours.</param>
    /// <param name="names">Column names, in order.</param>
    /// <param name="values"><see cref="HourGrid.Hours"/> rows of one value per name.</param>
    public static Timeseries FromRows(HourGrid grid, IReadOnlyList<string> names, ReadOnlySpan<double> values)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (values.Length != (long)grid.Hours * names.Count)
        {
            throw new ArgumentException($"Expected {grid.Hours} rows of {names.Count} values ({(long)grid.Hours * names.Count}); got {values.Length} values.", nameof(values));
        }

        var timeseries = new Timeseries(grid, [.. names]);
        values.CopyTo(timeseries._values);
        return timeseries;
    }

    /// <summary>The hours (one row each).</summary>
    public HourGrid Grid { get; }

    /// <summary>Column names in order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>
    /// Every value, hour after hour: the value of column <c>c</c> at hour <c>h</c> is at <c>h × Columns.Count + c</c>.
    /// For writers that go through a whole run, which the indexer would make slower.
    /// </summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>The value of column <paramref name="column"/> at <paramref name="hour"/>.</summary>
    public double this[int hour, int column] => _values[(hour * Columns.Count) + column];

    /// <summary>A column's values by name.</summary>
    public double[] Column(string name)
    {
        var c = IndexOf(name);
        var columns = Columns.Count;
        var result = new double[Grid.Hours];
        for (var h = 0; h < result.Length; h++)
        {
            result[h] = _values[(h * columns) + c];
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

    /// <summary>The rows of hours [<paramref name="fromHour"/>, <paramref name="toHour"/>), one after another.</summary>
    internal Span<double> Rows(int fromHour, int toHour) => _values.AsSpan(fromHour * Columns.Count, (toHour - fromHour) * Columns.Count);
}
