using Basis.Core.Market;
using Basis.Core.Time;

namespace Basis.Core.Tests.Support;

/// <summary>
/// Builds small in-memory markets for worked examples: every hour of a grid gets values from a function of the
/// hour, so a test states its prices and rates in one line and checks the engine's arithmetic by hand.
/// </summary>
internal sealed class SyntheticMarket
{
    private readonly Dictionary<SeriesId, SeriesData> _series = [];

    public SyntheticMarket(DateTime start, int hours)
    {
        Grid = new HourGrid(start, start.AddHours(hours));
    }

    public HourGrid Grid { get; }

    public static DateTime Jan1 { get; } = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>A level series: <paramref name="columns"/> give each column's value at hour h.</summary>
    public SyntheticMarket Level(string id, params Func<int, double>[] columns)
    {
        var seriesId = SeriesId.Parse(id);
        var spec = SeriesCatalog.Spec(seriesId);
        if (columns.Length != spec.Columns.Count)
        {
            throw new ArgumentException($"{id} needs {spec.Columns.Count} column functions.", nameof(columns));
        }

        var times = Enumerable.Range(0, Grid.Hours).Select(Grid.UnixSecondsOf).ToArray();
        var values = columns.Select(f => Enumerable.Range(0, Grid.Hours).Select(f).ToArray()).ToArray();
        _series[seriesId] = new SeriesData(seriesId, times, values);
        return this;
    }

    /// <summary>A bar series whose open, high, low and close all equal <paramref name="price"/>(h).</summary>
    public SyntheticMarket Bars(string id, Func<int, double> price) =>
        Level(id, price, price, price, h => price(h + 1), _ => 1);

    /// <summary>Bars as <see cref="Bars(string, Func{int, double})"/>, without those of the hours <paramref name="missing"/> names (a venue's outage).</summary>
    public SyntheticMarket Bars(string id, Func<int, double> price, Func<int, bool> missing)
    {
        var full = Bars(id, price)._series[SeriesId.Parse(id)];
        var kept = Enumerable.Range(0, full.Count).Where(i => !missing(i)).ToArray();
        return Rows(new SeriesData(full.Id, [.. kept.Select(i => full.Times[i])], [.. Enumerable.Range(0, full.Spec.Columns.Count).Select(c => kept.Select(i => full.Column(c)[i]).ToArray())]));
    }

    /// <summary>An oracle price series.</summary>
    public SyntheticMarket Oracle(string id, Func<int, double> price) => Level(id, price);

    /// <summary>An LST's exchange rate (oracle) and its DEX market rate at a constant peg premium.</summary>
    public SyntheticMarket Lst(string lst, Func<int, double> rate, double premium = 0) =>
        Oracle($"oracle/aave/{lst}-ETH", rate).Level($"peg/{lst}", rate, h => rate(h) * (1 + premium));

    /// <summary>Gas at a constant price (base fee + median priority fee = <paramref name="gwei"/>).</summary>
    public SyntheticMarket Gas(double gwei) => Level("gas/ethereum", _ => gwei, _ => 0, _ => 0, _ => 0);

    /// <summary>An AAVE reserve with the given indices and zero rates.</summary>
    public SyntheticMarket Aave(string reserve, Func<int, double> liquidityIndex, Func<int, double> borrowIndex) =>
        Level($"aave/ethereum/{reserve}", liquidityIndex, borrowIndex, _ => 0.05, _ => 0.06);

    /// <summary>Funding events at the given hours.</summary>
    public SyntheticMarket Funding(string id, params (int Hour, double Rate)[] events)
    {
        var seriesId = SeriesId.Parse(id);
        _series[seriesId] = new SeriesData(seriesId, events.Select(e => Grid.UnixSecondsOf(e.Hour)).ToArray(), [events.Select(e => e.Rate).ToArray()]);
        return this;
    }

    /// <summary>Funding every 8 hours at a constant rate.</summary>
    public SyntheticMarket Funding(string id, double rate) =>
        Funding(id, Enumerable.Range(0, Grid.Hours).Where(h => h % 8 == 0).Select(h => (h, rate)).ToArray());

    /// <summary>Raw rows for a series (e.g. reward distributions).</summary>
    public SyntheticMarket Rows(SeriesData data)
    {
        _series[data.Id] = data;
        return this;
    }

    public IMarketDataSource AsSource() => new InMemorySource(_series);

    /// <summary>Aligns the requested series onto the grid (or the first hours of it), as a run would.</summary>
    public MarketData Build(IReadOnlyList<SeriesRequest> requests, HourGrid? grid = null) =>
        MarketDataBuilder.BuildAsync(grid ?? Grid, requests, AsSource()).GetAwaiter().GetResult();

    private sealed class InMemorySource(Dictionary<SeriesId, SeriesData> series) : IMarketDataSource
    {
        public string Description => "synthetic";

        public Task<IReadOnlyList<DateTime>> MonthsAsync(SeriesId id, CancellationToken cancellationToken)
        {
            var months = new SortedSet<DateTime>();
            if (series.TryGetValue(id, out var data))
            {
                foreach (var seconds in data.Times)
                {
                    var time = UnixTime.FromSeconds(seconds);
                    months.Add(new DateTime(time.Year, time.Month, 1, 0, 0, 0, DateTimeKind.Utc));
                }
            }

            return Task.FromResult<IReadOnlyList<DateTime>>([.. months]);
        }

        public Task CheckHealthAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<SeriesData> ReadAsync(SeriesId id, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken)
        {
            if (!series.TryGetValue(id, out var data))
            {
                return Task.FromResult(SeriesData.Empty(id));
            }

            var from = UnixTime.ToSeconds(fromUtc);
            var to = UnixTime.ToSeconds(toUtc);
            var keep = Enumerable.Range(0, data.Count).Where(i => data.Times[i] >= from && data.Times[i] < to).ToArray();
            var columns = Enumerable.Range(0, data.Spec.Columns.Count).Select(c => keep.Select(i => data.Column(c)[i]).ToArray()).ToArray();
            return Task.FromResult(new SeriesData(id, keep.Select(i => data.Times[i]).ToArray(), columns));
        }
    }
}
