using Basis.Core.Market;
using Basis.Data.Canonical;

namespace Basis.ExchangeSimulator.Market;

/// <summary>
/// One venue's mark prices, spot prices and funding rates per symbol, read from the canonical layout: the hourly perp
/// bar's <c>open</c> is the hour's mark price, the hourly spot bar's <c>open</c> the hour's spot price, and funding is
/// applied at exactly the times the funding series holds.
/// </summary>
public sealed class MarketTape
{
    private const long MaxMarkAgeSeconds = 3 * 3600;
    private readonly Dictionary<string, SeriesData> _marks;
    private readonly Dictionary<string, SeriesData> _funding;
    private readonly Dictionary<string, SeriesData> _spot;

    private MarketTape(Dictionary<string, SeriesData> marks, Dictionary<string, SeriesData> funding, Dictionary<string, SeriesData> spot)
    {
        _marks = marks;
        _funding = funding;
        _spot = spot;
    }

    /// <summary>Symbols with both marks and funding.</summary>
    public IReadOnlyCollection<string> Symbols => _marks.Keys;

    /// <summary>
    /// Reads <c>perp/{venue}/{symbol}</c> and <c>funding/{venue}/{symbol}</c> for every symbol (a series without rows is
    /// an error), and <c>spot/{venue}/{symbol}</c> where the data has it.
    /// </summary>
    public static MarketTape Load(string dataRoot, string venue, IEnumerable<string> symbols)
    {
        var marks = new Dictionary<string, SeriesData>(StringComparer.Ordinal);
        var funding = new Dictionary<string, SeriesData>(StringComparer.Ordinal);
        var spot = new Dictionary<string, SeriesData>(StringComparer.Ordinal);
        foreach (var symbol in symbols)
        {
            marks[symbol] = ReadNonEmpty(dataRoot, $"perp/{venue}/{symbol}");
            funding[symbol] = ReadNonEmpty(dataRoot, $"funding/{venue}/{symbol}");
            if (CanonicalSeriesReader.ReadAll(dataRoot, SeriesId.Parse($"spot/{venue}/{symbol}")) is { Count: > 0 } series)
            {
                spot[symbol] = series;
            }
        }

        return new MarketTape(marks, funding, spot);
    }

    /// <summary>
    /// The mark price in force at <paramref name="unixSeconds"/>: the latest hour at or before it, at most the perp
    /// series' staleness limit (3 h) old; outside the data it throws rather than invent a price.
    /// </summary>
    public decimal MarkAt(string symbol, long unixSeconds) => PriceAt(_marks[symbol], "mark", symbol, unixSeconds);

    /// <summary>
    /// The spot price in force at <paramref name="unixSeconds"/>, by the same rule as <see cref="MarkAt"/>. A venue
    /// without spot data (OKX's sample data has none) trades spot at its perpetual's mark instead.
    /// </summary>
    public decimal SpotAt(string symbol, long unixSeconds) =>
        _spot.TryGetValue(symbol, out var series) ? PriceAt(series, "spot", symbol, unixSeconds) : MarkAt(symbol, unixSeconds);

    private static decimal PriceAt(SeriesData series, string kind, string symbol, long unixSeconds)
    {
        var i = LastAtOrBefore(series.Times, unixSeconds);
        return i < 0 || unixSeconds - series.Times[i] > MaxMarkAgeSeconds
            ? throw new InvalidOperationException($"No {kind} price for {symbol} at {DateTimeOffset.FromUnixTimeSeconds(unixSeconds):u}: the data covers {DateTimeOffset.FromUnixTimeSeconds(series.Times[0]):u} to {DateTimeOffset.FromUnixTimeSeconds(series.Times[^1]):u}.")
            : ToDecimal(series.Column("open")[i]);
    }

    /// <summary>The funding rate published exactly at <paramref name="unixSeconds"/>, if any.</summary>
    public decimal? FundingAt(string symbol, long unixSeconds)
    {
        var series = _funding[symbol];
        var i = series.Times.BinarySearch(unixSeconds);
        return i >= 0 ? ToDecimal(series.Column("rate")[i]) : null;
    }

    /// <summary>The first funding time strictly after <paramref name="unixSeconds"/>, if the data has one.</summary>
    public long? NextFundingTime(string symbol, long unixSeconds)
    {
        var times = _funding[symbol].Times;
        var i = LastAtOrBefore(times, unixSeconds) + 1;
        return i < times.Length ? times[i] : null;
    }

    /// <summary>Funding rows with times in <c>[fromSeconds, toSeconds]</c>, oldest first.</summary>
    public IReadOnlyList<(long Time, decimal Rate)> FundingBetween(string symbol, long fromSeconds, long toSeconds)
    {
        var series = _funding[symbol];
        var rows = new List<(long, decimal)>();
        for (var i = 0; i < series.Count; i++)
        {
            if (series.Times[i] >= fromSeconds && series.Times[i] <= toSeconds)
            {
                rows.Add((series.Times[i], ToDecimal(series.Column("rate")[i])));
            }
        }

        return rows;
    }

    private static SeriesData ReadNonEmpty(string root, string id)
    {
        var data = CanonicalSeriesReader.ReadAll(root, SeriesId.Parse(id));
        return data.Count > 0 ? data : throw new InvalidOperationException($"Series {id} has no rows under '{Path.GetFullPath(root)}'.");
    }

    private static int LastAtOrBefore(ReadOnlySpan<long> times, long t)
    {
        var i = times.BinarySearch(t);
        return i >= 0 ? i : ~i - 1;
    }

    // The canonical files hold the venue's decimal text; going through "R" keeps those digits exactly.
    private static decimal ToDecimal(double value) =>
        decimal.Parse(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
}
