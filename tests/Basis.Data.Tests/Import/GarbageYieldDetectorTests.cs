using Basis.Data.Import;

namespace Basis.Data.Tests.Import;

public sealed class GarbageYieldDetectorTests
{
    private static readonly (int, string)[] Apr = [(0, "base_staking_apr")];

    [Fact]
    public void Small_positive_yields_in_order_are_fine()
    {
        var rows = Enumerable.Range(0, 200).Select(i => new TimedRow(i * 86_400L, [0.02 + (i % 7 * 0.001)], i + 2)).ToList();

        Assert.Null(GarbageYieldDetector.Detect(rows, Apr));
    }

    [Fact]
    public void Frequent_negative_yields_are_garbage()
    {
        var rows = Enumerable.Range(0, 100).Select(i => new TimedRow(i * 3600L, [i % 10 == 0 ? -0.1 : 0.03], i + 2)).ToList();

        var reason = GarbageYieldDetector.Detect(rows, Apr);

        Assert.NotNull(reason);
        Assert.Contains("10 of 100 base_staking_apr values are negative", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yield_above_100_percent_a_year_is_garbage()
    {
        var rows = Enumerable.Range(0, 100).Select(i => new TimedRow(i * 3600L, [i == 50 ? 9.98 : 0.03], i + 2)).ToList();

        Assert.Contains("exceed 100% a year (up to 9.98)", GarbageYieldDetector.Detect(rows, Apr), StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_mostly_out_of_order_are_garbage()
    {
        // Two interleaved runs: every other row steps back in time.
        var rows = Enumerable.Range(0, 100).Select(i => new TimedRow((i % 2 == 0 ? i : 200 - i) * 3600L, [0.03], i + 2)).ToList();

        Assert.Contains("rows are earlier than the row before them", GarbageYieldDetector.Detect(rows, Apr), StringComparison.Ordinal);
    }

    [Fact]
    public void Timestamps_repeated_with_different_values_are_garbage()
    {
        var rows = Enumerable.Range(0, 100).Select(i => new TimedRow(i / 2 * 3600L, [0.03 + (i % 2 * 0.001)], i + 2)).ToList();

        Assert.Contains("100 rows share a timestamp with rows of different values", GarbageYieldDetector.Detect(rows, Apr), StringComparison.Ordinal);
    }
}
