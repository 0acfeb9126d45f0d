using Basis.Data.Import;

namespace Basis.Data.Tests.Import;

public sealed class ChronologicalOrderTests
{
    [Fact]
    public void Unsorted_rows_are_sorted_stably_and_counted()
    {
        var rows = new List<TimedRow> { new(7200, [3], 2), new(0, [1], 3), new(3600, [2], 4), new(0, [1], 5) };

        var outOfOrder = ChronologicalOrder.Sort(rows);

        Assert.Equal(2, outOfOrder); // 0 after 7200, and 0 after 3600
        Assert.Equal([3, 5, 4, 2], rows.Select(r => r.Line));
    }

    [Fact]
    public void Sorted_rows_are_left_alone()
    {
        var rows = new List<TimedRow> { new(0, [1], 2), new(3600, [2], 3) };

        Assert.Equal(0, ChronologicalOrder.Sort(rows));
        Assert.Equal([2, 3], rows.Select(r => r.Line));
    }
}
