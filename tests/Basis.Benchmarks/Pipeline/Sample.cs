namespace Basis.Benchmarks.Pipeline;

/// <summary>Repeated timings (or other figures) of one thing: median, minimum, maximum, percentiles.</summary>
internal sealed class Sample
{
    private readonly List<double> _values = [];

    public Sample(IEnumerable<double>? values = null) => _values.AddRange(values ?? []);

    public int Count => _values.Count;

    public double Median => Percentile(50);

    public double Min => _values.Count == 0 ? double.NaN : _values.Min();

    public double Max => _values.Count == 0 ? double.NaN : _values.Max();

    /// <summary>The value added last.</summary>
    public double Last => _values.Count == 0 ? double.NaN : _values[^1];

    public void Add(double value) => _values.Add(value);

    /// <summary>How many values exceed <paramref name="limit"/>.</summary>
    public int CountAbove(double limit) => _values.Count(v => v > limit);

    /// <summary>The <paramref name="percent"/> percentile, interpolated between the nearest values (50: the median).</summary>
    public double Percentile(double percent)
    {
        if (_values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = _values.Order().ToList();
        var rank = percent / 100 * (sorted.Count - 1);
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }
}
