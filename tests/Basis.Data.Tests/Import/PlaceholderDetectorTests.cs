using Basis.Data.Import;

namespace Basis.Data.Tests.Import;

public sealed class PlaceholderDetectorTests
{
    private static List<TimedRow> Hourly(params double[] values) =>
        values.Select((v, i) => new TimedRow(i * 3600L, [v], i + 2)).ToList();

    [Fact]
    public void A_name_claiming_months_over_at_most_48_rows_is_a_placeholder()
    {
        var rows = Hourly([.. Enumerable.Range(0, 48).Select(i => 2000 + Math.Sin(i))]);

        var reason = PlaceholderDetector.Detect("spot/x_1h_2024-05-12_2025-09-27.csv", rows, 0, "close");

        Assert.NotNull(reason);
        Assert.Contains("claims 2024-05-12 → 2025-09-27 (504 days) but the file holds 48 rows", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_month_of_rows_under_a_one_month_name_is_not()
    {
        var rows = Hourly(2000, 2003, 1999);

        Assert.Null(PlaceholderDetector.Detect("spot/x_1h_2024-08-01_2024-08-31.csv", rows, 0, "close"));
    }

    [Fact]
    public void Values_in_exact_arithmetic_progression_are_a_placeholder_whatever_the_name()
    {
        // The original's curve_weETHWETH file: 1.0000, 1.0001, ... one step of 0.0001 per hour.
        var rows = Hourly([.. Enumerable.Range(0, 100).Select(i => 1.0 + (i * 0.0001))]);

        var reason = PlaceholderDetector.Detect("curve.csv", rows, 0, "price");

        Assert.NotNull(reason);
        Assert.Contains("exact arithmetic progression over all 100 rows", reason, StringComparison.Ordinal);
        Assert.Contains("step 0.0001", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Real_prices_are_not_a_progression()
    {
        var rows = Hourly(1.0381, 1.0382, 1.0384, 1.0383);

        Assert.False(PlaceholderDetector.IsArithmeticProgression(rows, 0, out _));
        Assert.Null(PlaceholderDetector.Detect("peg.csv", rows, 0, "price"));
    }
}
