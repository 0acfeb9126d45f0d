using System.Text;
using Basis.Api.Runs;

namespace Basis.Server.Tests.Http;

/// <summary>The dashboard's form of a timeseries (GET …/chart): thinned for drawing, with each month's last hour exact.</summary>
public sealed class BacktestChartTests
{
    // Seven hours across a month's end; an empty cell (an infinite health factor) is null.
    private static readonly byte[] Csv = Encoding.UTF8.GetBytes("""
        timestamp,equity,health_factor
        2025-01-31T21:00:00Z,1,
        2025-01-31T22:00:00Z,5,
        2025-01-31T23:00:00Z,2,
        2025-02-01T00:00:00Z,9,2
        2025-02-01T01:00:00Z,8,
        2025-02-01T02:00:00Z,3,8
        2025-02-01T03:00:00Z,7,
        """.ReplaceLineEndings("\n"));

    private static long Hour(int month, int day, int hour) => new DateTimeOffset(2025, month, day, hour, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();

    [Fact]
    public void Each_run_of_hours_is_drawn_as_its_low_and_high_in_the_order_they_came_at_its_first_and_last_hour()
    {
        // Six points: three runs of 7 / 3 hours as even as whole hours go, [21:00, 22:00], [23:00, 00:00], [01:00, 02:00, 03:00].
        var chart = BacktestChart.FromCsv(Csv, points: 6);

        Assert.Equal(7, chart.Hours);
        Assert.Equal([Hour(1, 31, 21), Hour(1, 31, 22), Hour(1, 31, 23), Hour(2, 1, 0), Hour(2, 1, 1), Hour(2, 1, 3)], chart.Drawn.Time);
        Assert.Equal(["equity", "health_factor"], chart.Drawn.Columns.Select(c => c.Name));
        // Equity: low 1 then high 5; low 2 then high 9; high 8 came before low 3.
        Assert.Equal([1, 5, 2, 9, 8, 3], chart.Drawn.Columns[0].Values);
        // Health factor: no value in the first run (a gap), then runs of a single value, held at both ends.
        Assert.Equal([null, null, 2, 2, 8, 8], chart.Drawn.Columns[1].Values);
    }

    [Fact]
    public void The_last_hour_of_each_month_is_kept_exactly_and_a_short_series_is_drawn_whole()
    {
        var chart = BacktestChart.FromCsv(Csv, points: 14);

        Assert.Equal([Hour(1, 31, 23), Hour(2, 1, 3)], chart.MonthEnds.Time);
        Assert.Equal([2, 7], chart.MonthEnds.Columns[0].Values);
        Assert.Equal([null, null], chart.MonthEnds.Columns[1].Values);
        Assert.Equal(7, chart.Drawn.Time.Count);
        Assert.Equal([1, 5, 2, 9, 8, 3, 7], chart.Drawn.Columns[0].Values);
    }

    [Fact]
    public void A_drawn_value_keeps_eight_significant_digits_and_a_month_end_keeps_all()
    {
        var csv = Encoding.UTF8.GetBytes("""
            timestamp,equity,residual
            2025-01-31T23:00:00Z,101608.97945558342,1.3927747843922589E-11
            2025-02-01T00:00:00Z,-0.0009321712224934497,0
            """.ReplaceLineEndings("\n"));

        var chart = BacktestChart.FromCsv(csv);

        Assert.Equal([101608.98, -0.00093217122], chart.Drawn.Columns[0].Values);
        Assert.Equal([1.3927748E-11, 0], chart.Drawn.Columns[1].Values);
        Assert.Equal([101608.97945558342, -0.0009321712224934497], chart.MonthEnds.Columns[0].Values);
    }
}
