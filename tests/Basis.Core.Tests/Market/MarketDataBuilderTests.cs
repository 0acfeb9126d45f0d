using Basis.Core.Market;
using Basis.Core.Tests.Support;
using Basis.Core.Time;

namespace Basis.Core.Tests.Market;

public sealed class MarketDataBuilderTests
{
    private static readonly DateTime Start = SyntheticMarket.Jan1;
    private static readonly SeriesId Oracle = SeriesId.Parse("oracle/aave/ETH-USD");
    private static readonly SeriesId BinanceSpot = SeriesId.Parse("spot/binance/BTCUSDT");
    private static readonly SeriesId BybitSpot = SeriesId.Parse("spot/bybit/BTCUSDT");
    private static readonly SeriesId Funding = SeriesId.Parse("funding/okx/ETHUSDT");

    private static MarketData Build(HourGrid grid, IReadOnlyList<SeriesRequest> requests, params SeriesData[] rows)
    {
        var byId = rows.ToDictionary(r => r.Id);
        foreach (var id in requests.SelectMany(r => r.Sources).Where(id => !byId.ContainsKey(id)))
        {
            byId[id] = SeriesData.Empty(id);
        }

        return MarketDataBuilder.Build(grid, requests, byId);
    }

    private static SeriesData Rows(SeriesId id, params (int Hour, double Value)[] rows)
    {
        var columns = SeriesCatalog.Spec(id).Columns.Count;
        return new SeriesData(
            id,
            rows.Select(r => UnixTime.ToSeconds(Start.AddHours(r.Hour))).ToArray(),
            Enumerable.Range(0, columns).Select(_ => rows.Select(r => r.Value).ToArray()).ToArray());
    }

    [Fact]
    public void A_level_is_read_as_of_the_hour_within_its_staleness_limit()
    {
        // Oracle rows at hours −2 and 1; limit 3 h: hour 0 reads the −2 value (2 h old), hours 1–4 read the hour-1 value.
        var grid = new HourGrid(Start, Start.AddHours(5));
        var data = Build(grid, [new SeriesRequest(Oracle, SeriesUse.Level)], Rows(Oracle, (-2, 100), (1, 101)));

        Assert.Equal([100, 101, 101, 101, 101], data.Series(Oracle).Column("price"));
    }

    [Fact]
    public void Hours_beyond_the_staleness_limit_are_a_coverage_error_naming_the_series_and_the_hours()
    {
        // Row at hour 0 only; limit 3 h: hours 4–7 are uncovered.
        var grid = new HourGrid(Start, Start.AddHours(8));

        var error = Assert.Throws<MarketDataCoverageException>(() => Build(grid, [new SeriesRequest(Oracle, SeriesUse.Level)], Rows(Oracle, (0, 100))));

        var gap = Assert.Single(error.Gaps);
        Assert.Equal((Start.AddHours(4), Start.AddHours(8), 4), (gap.FromUtc, gap.ToUtc, gap.Hours));
        Assert.Contains("oracle/aave/ETH-USD", error.Message, StringComparison.Ordinal);
        Assert.Contains("2025-01-01T04:00:00Z", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_bar_stands_as_a_flat_bar_at_the_previous_close()
    {
        // Bars at hours 0 and 2 (open 10/close 11, then open 12); hour 1 has no bar: it is flat at 11, volume 0.
        var grid = new HourGrid(Start, Start.AddHours(3));
        var bars = new SeriesData(BinanceSpot,
            [UnixTime.ToSeconds(Start), UnixTime.ToSeconds(Start.AddHours(2))],
            [[10, 12], [11.5, 12], [9.5, 12], [11, 12], [5, 5]]);

        var data = Build(grid, [new SeriesRequest(BinanceSpot, SeriesUse.Level)], bars);

        Assert.Equal([10, 11, 12], data.Series(BinanceSpot).Column("open"));
        Assert.Equal([5, 0, 5], data.Series(BinanceSpot).Column("volume"));
    }

    [Fact]
    public void A_configured_fallback_covers_a_gap_and_the_report_counts_its_hours()
    {
        // Binance has bars at hours 0–4 and 11. The hour-4 bar closes at 5, so hour 5 is fresh; hours 6–8 would only
        // be Binance forward-filled (1–3 h old) and 9–10 are beyond the limit: Bybit, fresh every hour, serves 6–10.
        var grid = new HourGrid(Start, Start.AddHours(12));
        var binance = Rows(BinanceSpot, [.. Enumerable.Range(0, 5).Select(h => (h, 100.0)), (11, 100.0)]);
        var bybit = Rows(BybitSpot, [.. Enumerable.Range(0, 12).Select(h => (h, 200.0))]);

        var data = Build(grid, [new SeriesRequest(BinanceSpot, SeriesUse.Level, [BybitSpot])], binance, bybit);

        Assert.Equal([100, 100, 100, 100, 100, 100, 200, 200, 200, 200, 200, 100], data.Series(BinanceSpot).Column("open"));
        var report = data.Report.Single();
        Assert.Equal(5, report.FallbackHours["spot/bybit/BTCUSDT"]);
        Assert.Equal([new FallbackSpan("spot/bybit/BTCUSDT", Start.AddHours(6), Start.AddHours(11))], report.FallbackSpans);
    }

    [Fact]
    public void A_fresh_fallback_replaces_a_stale_primary_at_once_and_a_stale_one_does_not()
    {
        // Binance bars at hours 0, 1, 6, 7 (100); Bybit bars at 0, 1, 2, 5, 6, 7 (200). Hour 2: Binance's hour-1 bar
        // closes then (fresh), 100. Hour 3: Binance is 1 h stale, Bybit's hour-2 bar closes then (fresh), 200. Hour 4:
        // both are stale, the primary stays, 100. Hour 5: Bybit has the bar, 200. Hours 6 and 7: Binance again.
        var grid = new HourGrid(Start, Start.AddHours(8));
        var binance = Rows(BinanceSpot, (0, 100), (1, 100), (6, 100), (7, 100));
        var bybit = Rows(BybitSpot, (0, 200), (1, 200), (2, 200), (5, 200), (6, 200), (7, 200));

        var data = Build(grid, [new SeriesRequest(BinanceSpot, SeriesUse.Level, [BybitSpot])], binance, bybit);

        Assert.Equal([100, 100, 100, 200, 100, 200, 100, 100], data.Series(BinanceSpot).Column("open"));
        var report = data.Report.Single();
        Assert.Equal(2, report.FallbackHours["spot/bybit/BTCUSDT"]);
        Assert.Equal(
            [new FallbackSpan("spot/bybit/BTCUSDT", Start.AddHours(3), Start.AddHours(4)), new FallbackSpan("spot/bybit/BTCUSDT", Start.AddHours(5), Start.AddHours(6))],
            report.FallbackSpans);
    }

    [Fact]
    public void A_funding_event_lands_on_its_hour_and_other_hours_hold_none()
    {
        var grid = new HourGrid(Start, Start.AddHours(10));
        var data = Build(grid, [new SeriesRequest(Funding, SeriesUse.Events)], Rows(Funding, (-8, 0.0001), (0, 0.0002), (8, -0.0001)));

        var rates = data.Series(Funding).Column("rate");
        Assert.Equal(0.0002, rates[0]);
        Assert.Equal(-0.0001, rates[8]);
        Assert.Equal(8, rates.Count(double.IsNaN));
    }

    [Fact]
    public void A_funding_event_between_hours_applies_at_the_next_hour()
    {
        // A position held at 08:00:30 is the one carried into 09:00 (trades at 08:00 happened before it).
        var grid = new HourGrid(Start, Start.AddHours(10));
        var odd = new SeriesData(Funding, [UnixTime.ToSeconds(Start) , UnixTime.ToSeconds(Start.AddHours(8).AddSeconds(30))], [[0.0001, 0.0003]]);

        var data = Build(grid, [new SeriesRequest(Funding, SeriesUse.Events)], odd);

        Assert.Equal(0.0003, data.Series(Funding).Column("rate")[9]);
    }

    [Fact]
    public void Missing_funding_beyond_the_limit_is_uncovered_and_never_forward_filled()
    {
        // Events at hours 0 and 32: hours 13–31 are more than 12 h after the last event.
        var grid = new HourGrid(Start, Start.AddHours(33));

        var error = Assert.Throws<MarketDataCoverageException>(() =>
            Build(grid, [new SeriesRequest(Funding, SeriesUse.Events)], Rows(Funding, (0, 0.0001), (32, 0.0001))));

        Assert.Equal(19, error.Gaps.Single().Hours);
    }

    [Fact]
    public void A_series_absent_from_the_source_is_uncovered_for_every_hour()
    {
        var grid = new HourGrid(Start, Start.AddHours(24));

        var error = Assert.Throws<MarketDataCoverageException>(() => Build(grid, [new SeriesRequest(Oracle, SeriesUse.Level)]));

        Assert.Equal(24, error.Gaps.Single().Hours);
    }

    [Fact]
    public async Task A_market_extended_hour_by_hour_is_the_market_built_over_the_whole_grid_report_included()
    {
        // Cycles of one hour and of several. Binance misses hours 6–13, so Bybit stands in across several extensions;
        // funding comes at odd times; the rewards are a distribution series.
        var rewards = SeriesId.Parse("rewards/etherfi/ETHFI");
        var binance = Rows(BinanceSpot, [.. Enumerable.Range(-3, 40).Where(h => h is < 6 or > 13).Select(h => (h, 100.0 + h))]);
        var bybit = Rows(BybitSpot, [.. Enumerable.Range(-3, 40).Select(h => (h, 200.0 + h))]);
        var oracle = Rows(Oracle, [.. Enumerable.Range(-2, 20).Select(h => (2 * h, 3000.0 + h))]);
        var funding = new SeriesData(Funding, [.. Enumerable.Range(-1, 6).Select(i => UnixTime.ToSeconds(Start.AddHours(8 * i).AddSeconds(30)))], [[.. Enumerable.Range(-1, 6).Select(i => i * 1e-5)]]);
        var paid = Rows(rewards, (3, 1.5), (17, 2.5), (29, 3.5));
        var source = new RowsSource(binance, bybit, oracle, funding, paid);
        SeriesRequest[] requests = [new(BinanceSpot, SeriesUse.Level, [BybitSpot]), new(Oracle, SeriesUse.Level), new(Funding, SeriesUse.Events), new(rewards, SeriesUse.Distributions)];

        var whole = await MarketDataBuilder.BuildAsync(new HourGrid(Start, Start.AddHours(32)), requests, source, TestContext.Current.CancellationToken);
        var market = await MarketDataBuilder.BuildAsync(new HourGrid(Start, Start.AddHours(5)), requests, source, TestContext.Current.CancellationToken);
        foreach (var end in new[] { 6, 7, 9, 10, 14, 15, 20, 26, 27, 32 })
        {
            market = await MarketDataBuilder.ExtendAsync(market, Start.AddHours(end), requests, source, TestContext.Current.CancellationToken);
        }

        Assert.Equal(whole.Grid, market.Grid);
        foreach (var id in new[] { BinanceSpot, Oracle, Funding })
        {
            foreach (var column in SeriesCatalog.Spec(id).Columns)
            {
                Assert.Equal(whole.Series(id).Column(column.Name), market.Series(id).Column(column.Name));
            }
        }

        Assert.Equal(whole.Distributions(rewards).Times.ToArray(), market.Distributions(rewards).Times.ToArray());
        Assert.Equal(whole.Distributions(rewards).Column(0).ToArray(), market.Distributions(rewards).Column(0).ToArray());
        Assert.Equal(whole.Report.Count, market.Report.Count);
        foreach (var (expected, actual) in whole.Report.Zip(market.Report))
        {
            Assert.Equal((expected.Series, expected.Use, expected.Rows, expected.FirstUtc, expected.LastUtc), (actual.Series, actual.Use, actual.Rows, actual.FirstUtc, actual.LastUtc));
            Assert.Equal(expected.FallbackHours, actual.FallbackHours);
            Assert.Equal(expected.FallbackSpans, actual.FallbackSpans);
        }

        // Hour 6 is Binance's hour-5 bar closing; Bybit serves 7–13, one span across four extensions.
        Assert.Equal([new FallbackSpan("spot/bybit/BTCUSDT", Start.AddHours(7), Start.AddHours(14))], market.Report[0].FallbackSpans);
    }

    /// <summary>Series held in memory, read as a store reads them: the rows inside the window asked for.</summary>
    private sealed class RowsSource(params SeriesData[] series) : IMarketDataSource
    {
        public string Description => "memory";

        public Task<SeriesData> ReadAsync(SeriesId id, DateTime fromUtc, DateTime toUtc, CancellationToken cancellationToken) =>
            Task.FromResult(series.FirstOrDefault(s => s.Id == id) is { } rows
                ? SeriesData.Concatenate(id, [rows], UnixTime.ToSeconds(fromUtc), UnixTime.ToSeconds(toUtc))
                : SeriesData.Empty(id));

        public Task<IReadOnlyList<DateTime>> MonthsAsync(SeriesId id, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task CheckHealthAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
