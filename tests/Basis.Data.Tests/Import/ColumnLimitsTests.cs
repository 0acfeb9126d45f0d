using Basis.Core.Market;
using Basis.Data.Import;

namespace Basis.Data.Tests.Import;

public sealed class ColumnLimitsTests
{
    [Fact]
    public void A_funding_rate_beyond_five_percent_is_dropped_not_clamped()
    {
        var columns = SeriesCatalog.Spec(SeriesKind.Funding).Columns;
        TimedRow[] rows = [new(0, [0.0001], 2), new(28_800, [0.5], 3), new(57_600, [-0.0002], 4)];
        var log = new RowDropLog();

        var kept = ColumnLimits.Apply(rows, columns, log);

        Assert.Equal([0.0001, -0.0002], kept.Select(r => r.Values[0]));
        var dropped = Assert.Single(log.ToReport());
        Assert.Equal("rate outside its limits [-0.05, 0.05]", dropped.Reason);
        Assert.Equal("line 3: 1970-01-01T08:00:00Z rate=0.5", Assert.Single(dropped.Examples));
    }

    [Fact]
    public void An_aave_index_that_falls_is_dropped()
    {
        var columns = SeriesCatalog.Spec(SeriesKind.Aave).Columns;
        TimedRow[] rows = [new(0, [1.01, 1.02, 0.03, 0.04], 2), new(86_400, [1.009, 1.021, 0.03, 0.04], 3), new(172_800, [1.011, 1.022, 0.03, 0.04], 4)];
        var log = new RowDropLog();

        var kept = ColumnLimits.Apply(rows, columns, log);

        Assert.Equal([2, 4], kept.Select(r => r.Line));
        Assert.Contains("falls below the previous row's value", Assert.Single(log.ToReport()).Reason, StringComparison.Ordinal);
    }
}
