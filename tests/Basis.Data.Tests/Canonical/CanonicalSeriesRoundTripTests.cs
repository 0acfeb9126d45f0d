using Basis.Core.Market;
using Basis.Core.Time;
using Basis.Data.Canonical;

namespace Basis.Data.Tests.Canonical;

public sealed class CanonicalSeriesRoundTripTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("basis-canonical-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Rows_are_split_into_one_file_per_month_and_read_back_exactly()
    {
        var id = SeriesId.Parse("funding/binance/ETHUSDT");
        var jan31 = UnixTime.ToSeconds(new DateTime(2024, 1, 31, 16, 0, 0, DateTimeKind.Utc));
        long[] times = [jan31, jan31 + (8 * 3600), jan31 + (16 * 3600)];
        double[] rates = [0.0001, -0.000_012_345_678_901_234_5, 3e-7];

        var files = CanonicalSeriesWriter.Write(_root, new SeriesData(id, times, [rates]));

        Assert.Equal(2, files.Count);
        Assert.Equal("timestamp,rate\n2024-01-31T16:00:00Z,0.0001\n", File.ReadAllText(files[0]));
        var back = CanonicalSeriesReader.ReadAll(_root, id);
        Assert.Equal(times, back.Times.ToArray());
        Assert.Equal(rates, back.Column("rate").ToArray());
    }

    [Fact]
    public void A_range_read_keeps_only_rows_inside_the_half_open_window()
    {
        var id = SeriesId.Parse("gas/ethereum");
        var start = new DateTime(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        var times = Enumerable.Range(0, 48).Select(h => UnixTime.ToSeconds(start.AddHours(h))).ToArray();
        var column = times.Select(t => (double)(t % 97)).ToArray();
        CanonicalSeriesWriter.Write(_root, new SeriesData(id, times, [column, column, column, column]));

        var window = CanonicalSeriesReader.ReadRange(_root, id, start.AddHours(5), start.AddHours(10));

        Assert.Equal(5, window.Count);
        Assert.Equal(UnixTime.ToSeconds(start.AddHours(5)), window.Times[0]);
    }

    [Fact]
    public void A_row_out_of_order_is_reported_with_file_and_line()
    {
        var id = SeriesId.Parse("oracle/aave/ETH-USD");
        var path = CanonicalLayout.MonthFile(_root, id, 2024, 5);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "timestamp,price\n2024-05-01T01:00:00Z,3000\n2024-05-01T00:00:00Z,3001\n");

        var error = Assert.Throws<CanonicalDataException>(() => CanonicalSeriesReader.ReadAll(_root, id));

        Assert.Contains("05.csv:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("strictly increasing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Series_are_discovered_from_the_folder_tree()
    {
        foreach (var name in new[] { "spot/bybit/ETHUSDT", "gas/ethereum", "peg/weETH" })
        {
            var id = SeriesId.Parse(name);
            var spec = SeriesCatalog.Spec(id);
            var t = UnixTime.ToSeconds(new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc));
            CanonicalSeriesWriter.Write(_root, new SeriesData(id, [t], spec.Columns.Select(_ => new[] { 1.0 }).ToArray()));
        }

        var found = CanonicalLayout.DiscoverSeries(_root).Select(s => s.Value);

        Assert.Equal(["gas/ethereum", "peg/weETH", "spot/bybit/ETHUSDT"], found);
    }
}
