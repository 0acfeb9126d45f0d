using Basis.Data.Import;

namespace Basis.Data.Tests.Import;

public sealed class GeometricIndexInterpolationTests
{
    private static readonly bool[] IndexThenRate = [true, false];

    [Fact]
    public void An_index_is_interpolated_geometrically_and_the_rate_carried_forward()
    {
        // Worked example (exaggerated so it can be checked by hand): the index goes from 1 to 4 in one day.
        //   I(t) = I_a × (I_b / I_a)^((t − t_a) / (t_b − t_a)) = 1 × 4^(h / 24)
        //   h = 6  → 4^(1/4) = √2           = 1.41421356...
        //   h = 12 → 4^(1/2) = 2            (linear interpolation would say 2.5)
        //   h = 18 → 4^(3/4) = 2√2          = 2.82842712...
        //   h = 24 → 4 exactly, the second snapshot, whose rate 0.07 takes over from 0.05.
        TimedRow[] snapshots = [new(0, [1, 0.05], 2), new(86_400, [4, 0.07], 3)];

        var hourly = GeometricIndexInterpolation.ToHourly(snapshots, IndexThenRate);

        Assert.Equal(25, hourly.Count);
        Assert.Equal(Enumerable.Range(0, 25).Select(h => h * 3600L), hourly.Select(r => r.Time));
        Assert.Equal(Math.Sqrt(2), hourly[6].Values[0], 12);
        Assert.Equal(2, hourly[12].Values[0], 12);
        Assert.Equal(2 * Math.Sqrt(2), hourly[18].Values[0], 12);
        Assert.Equal(4, hourly[24].Values[0]);
        Assert.All(hourly.Take(24), r => Assert.Equal(0.05, r.Values[1]));
        Assert.Equal(0.07, hourly[24].Values[1]);
    }

    [Fact]
    public void Hourly_growth_is_constant_within_a_day_and_compounds_to_the_daily_ratio()
    {
        TimedRow[] snapshots = [new(0, [1.0361969326346498, 0.08], 2), new(86_400, [1.0363834971546595, 0.08], 3)];

        var hourly = GeometricIndexInterpolation.ToHourly(snapshots, IndexThenRate);

        var growth = Enumerable.Range(1, 24).Select(h => hourly[h].Values[0] / hourly[h - 1].Values[0]).ToArray();
        Assert.All(growth, g => Assert.Equal(growth[0], g, 14));
        Assert.Equal(1.0363834971546595 / 1.0361969326346498, growth.Aggregate(1.0, (a, g) => a * g), 14);
    }

    [Fact]
    public void Snapshots_off_the_hour_give_hours_strictly_inside_their_span()
    {
        TimedRow[] snapshots = [new(1800, [1, 0.01], 2), new(12_600, [1.5, 0.02], 3)]; // 00:30 and 03:30

        var hourly = GeometricIndexInterpolation.ToHourly(snapshots, IndexThenRate);

        Assert.Equal([3600L, 7200, 10_800], hourly.Select(r => r.Time));
    }
}
