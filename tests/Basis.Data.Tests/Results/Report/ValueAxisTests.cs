using Basis.Data.Results.Report;

namespace Basis.Data.Tests.Results.Report;

public sealed class ValueAxisTests
{
    [Fact]
    public void Ticks_fall_on_round_numbers_inside_a_padded_range()
    {
        // 100,000 → 101,700 padded by 5% of the span (85) each side; ~5 ticks → a step of 500.
        var scale = ValueAxis.Scale(100_000, 101_700, 5, ValueFormat.Number);

        Assert.Equal(99_915, scale.Min, 6);
        Assert.Equal(101_785, scale.Max, 6);
        Assert.Equal(["100,000", "100,500", "101,000", "101,500"], scale.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void Padding_does_not_cross_zero()
    {
        var drawdown = ValueAxis.Scale(-0.2, 0, 3, ValueFormat.Percent);
        var ltv = ValueAxis.Scale(0, 0.8, 3, ValueFormat.Percent);

        Assert.Equal(0, drawdown.Max);
        Assert.Equal(0, ltv.Min);
        Assert.Equal(["-20%", "-10%", "0%"], drawdown.Ticks.Select(t => t.Label));
    }

    [Fact]
    public void A_flat_zero_series_gets_an_axis_from_zero_to_one()
    {
        var scale = ValueAxis.Scale(0, 0, 4, ValueFormat.Percent);

        Assert.Equal((0.0, 1.0), (scale.Min, scale.Max));
        Assert.Equal("0%", scale.Ticks[0].Label);
        Assert.Equal("100%", scale.Ticks[^1].Label);
    }

    [Fact]
    public void Float_noise_on_a_large_value_is_drawn_flat_rather_than_as_billions_of_ticks()
    {
        var scale = ValueAxis.Scale(100_000, 100_000 + 1e-11, 5, ValueFormat.Number);

        Assert.InRange(scale.Ticks.Count, 2, 8);
        Assert.True(scale.Min < 100_000 && scale.Max > 100_000);
    }

    [Fact]
    public void Ticks_too_fine_for_fixed_decimals_still_read_apart()
    {
        // A net delta of -0.00146 moving by a few 1e-7: fixed notation would need 7+ decimals.
        var scale = ValueAxis.Scale(-0.0014605, -0.0014590, 3, ValueFormat.Number);

        var labels = scale.Ticks.Select(t => t.Label).ToList();
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.All(labels, l => Assert.True(l.Length <= 12, l));
    }
}
