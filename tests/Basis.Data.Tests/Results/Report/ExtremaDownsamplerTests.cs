using Basis.Data.Results.Report;
using Basis.Data.Sample;

namespace Basis.Data.Tests.Results.Report;

public sealed class ExtremaDownsamplerTests
{
    [Fact]
    public void A_series_shorter_than_the_budget_is_kept_whole()
    {
        var values = new double[] { 3, 1, 4, 1, 5 };

        Assert.Equal([0, 1, 2, 3, 4], ExtremaDownsampler.Select([values], values.Length, maxPoints: 10));
    }

    [Fact]
    public void A_year_of_drawdown_keeps_its_minimum_and_maximum_within_1_500_points()
    {
        var drawdown = YearOfDrawdown();

        var hours = ExtremaDownsampler.Select([drawdown], drawdown.Length, 1_500);

        Assert.InRange(hours.Length, 2, 1_500);
        Assert.Equal(drawdown.Min(), hours.Select(h => drawdown[h]).Min());
        Assert.Equal(drawdown.Max(), hours.Select(h => drawdown[h]).Max());
        Assert.Equal(0, hours[0]);
        Assert.Equal(drawdown.Length - 1, hours[^1]);
        Assert.Equal(hours.Order(), hours);
        Assert.Equal(hours.Length, hours.Distinct().Count());
    }

    [Fact]
    public void Every_bucket_keeps_its_own_extremes_not_only_the_global_ones()
    {
        // 8,760 hours in 749 buckets of ~11.7 h: a spike in any one bucket must survive, wherever it falls.
        var values = new double[8_760];
        var spikes = new[] { 17, 2_000, 4_321, 8_700 };
        foreach (var hour in spikes)
        {
            values[hour] = -1;
        }

        var hours = ExtremaDownsampler.Select([values], values.Length, 1_500);

        Assert.All(spikes, s => Assert.Contains(s, hours));
    }

    [Fact]
    public void The_edges_of_a_gap_are_kept_so_it_is_drawn_where_it_is()
    {
        var values = Enumerable.Range(0, 5_000).Select(h => h is >= 1_234 and < 3_456 ? double.PositiveInfinity : Math.Sin(h)).ToArray();

        var hours = ExtremaDownsampler.Select([values], values.Length, 600);

        Assert.Contains(1_233, hours);
        Assert.Contains(1_234, hours);
        Assert.Contains(3_455, hours);
        Assert.Contains(3_456, hours);
    }

    [Fact]
    public void A_shared_selection_keeps_each_series_extremes()
    {
        var rising = Enumerable.Range(0, 9_000).Select(h => h % 97 == 0 ? 10.0 : 0).ToArray();
        var falling = Enumerable.Range(0, 9_000).Select(h => h == 6_543 ? -10.0 : 0).ToArray();

        var hours = ExtremaDownsampler.Select([rising, falling], rising.Length, 1_500);

        Assert.True(hours.Length <= 1_500);
        Assert.Contains(6_543, hours);
        Assert.Equal(10, hours.Select(h => rising[h]).Max());
    }

    private static double[] YearOfDrawdown()
    {
        var random = SampleRandom.Stream(11, "drawdown");
        var drawdown = new double[8_760];
        double equity = 100_000, peak = 100_000;
        for (var h = 0; h < drawdown.Length; h++)
        {
            equity += 25 * random.NextNormal();
            peak = Math.Max(peak, equity);
            drawdown[h] = (equity / peak) - 1;
        }

        return drawdown;
    }
}
