using Basis.Core.Instruments;
using Basis.Core.Time;

namespace Basis.Core.Market;

/// <summary>
/// Everything a run reads, loaded once and laid onto its hour grid: the simulation indexes arrays by hour and
/// never looks anything up per hour.
/// </summary>
public sealed class MarketData
{
    private readonly Dictionary<SeriesId, AlignedSeries> _aligned;
    private readonly Dictionary<SeriesId, SeriesData> _distributions;
    private readonly Dictionary<LstToken, double[]> _depegs;

    internal MarketData(HourGrid grid, Dictionary<SeriesId, AlignedSeries> aligned, Dictionary<SeriesId, SeriesData> distributions, IReadOnlyList<SeriesReport> report)
        : this(grid, aligned, distributions, report, [])
    {
    }

    private MarketData(HourGrid grid, Dictionary<SeriesId, AlignedSeries> aligned, Dictionary<SeriesId, SeriesData> distributions, IReadOnlyList<SeriesReport> report, Dictionary<LstToken, double[]> depegs)
    {
        Grid = grid;
        _aligned = aligned;
        _distributions = distributions;
        Report = report;
        _depegs = depegs;
    }

    /// <summary>The run's hours.</summary>
    public HourGrid Grid { get; }

    /// <summary>What was read, per requested series.</summary>
    public IReadOnlyList<SeriesReport> Report { get; }

    /// <summary>A level or event series on the grid; throws if the run did not request it (a bug in the caller).</summary>
    public AlignedSeries Series(SeriesId id) =>
        _aligned.TryGetValue(id, out var series)
            ? series
            : throw new InvalidOperationException($"Series {id} was not requested for this run; add it to the strategy's data requirements.");

    /// <summary>A requested series on the grid, by id text.</summary>
    public AlignedSeries Series(string id) => Series(SeriesId.Parse(id));

    /// <summary>The rows of a distribution series whose timestamps fall inside the run.</summary>
    public SeriesData Distributions(SeriesId id) =>
        _distributions.TryGetValue(id, out var rows)
            ? rows
            : throw new InvalidOperationException($"Distribution series {id} was not requested for this run.");

    /// <summary>True when the run requested the series.</summary>
    public bool Has(SeriesId id) => _aligned.ContainsKey(id) || _distributions.ContainsKey(id);

    /// <summary>
    /// The stressed depeg of an LST per hour as a factor on its value (1 = at peg), or null when none is stressed.
    /// A depeg deep enough to stress moves the oracle AAVE values collateral at, not only the DEX market rate.
    /// </summary>
    public double[]? Depeg(LstToken lst) => _depegs.TryGetValue(lst, out var factor) ? factor : null;

    /// <summary>The market over its grid followed by <paramref name="tail"/>'s, described by <paramref name="report"/>.</summary>
    internal MarketData Append(MarketData tail, IReadOnlyList<SeriesReport> report)
    {
        if (tail.Grid.Start != Grid.End)
        {
            throw new ArgumentException($"The extension starts at {tail.Grid.Start:O}, not where the market ends ({Grid.End:O}).", nameof(tail));
        }

        if (_depegs.Count > 0 || tail._depegs.Count > 0)
        {
            // A stress scenario shapes the whole period at once: a stressed market is built again, not extended.
            throw new InvalidOperationException("A stressed market cannot be extended.");
        }

        var aligned = _aligned.ToDictionary(a => a.Key, a => a.Value.Append(tail.Series(a.Key)));
        var distributions = _distributions.ToDictionary(d => d.Key, d => SeriesData.Concatenate(d.Key, [d.Value, tail.Distributions(d.Key)], long.MinValue, long.MaxValue));
        return new MarketData(new HourGrid(Grid.Start, tail.Grid.End), aligned, distributions, report);
    }

    /// <summary>A copy with one series replaced (stress scenarios).</summary>
    internal MarketData With(AlignedSeries series)
    {
        var aligned = new Dictionary<SeriesId, AlignedSeries>(_aligned) { [series.Id] = series };
        return new MarketData(Grid, aligned, _distributions, Report, _depegs);
    }

    /// <summary>A copy with an LST depeg factor (stress scenarios).</summary>
    internal MarketData WithDepeg(LstToken lst, double[] factor)
    {
        var depegs = new Dictionary<LstToken, double[]>(_depegs) { [lst] = factor };
        return new MarketData(Grid, _aligned, _distributions, Report, depegs);
    }

    /// <summary>Every aligned series, for stress scenarios that reshape several at once.</summary>
    internal IEnumerable<AlignedSeries> AllAligned => _aligned.Values;
}
