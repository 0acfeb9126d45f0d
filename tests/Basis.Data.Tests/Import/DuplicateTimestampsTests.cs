using Basis.Data.Import;

namespace Basis.Data.Tests.Import;

public sealed class DuplicateTimestampsTests
{
    private static readonly string[] Rate = ["rate"];

    [Fact]
    public void Identical_copies_of_a_timestamp_keep_one()
    {
        TimedRow[] rows = [new(0, [0.1], 2), new(3600, [0.2], 3), new(3600, [0.2], 4), new(3600, [0.2], 5), new(7200, [0.3], 6)];

        var result = DuplicateTimestamps.Resolve(rows, Rate);

        Assert.Equal([0L, 3600, 7200], result.Rows.Select(r => r.Time));
        Assert.Equal(3, result.Rows[1].Line); // the first copy is the one kept
        Assert.Equal(2, result.IdenticalRemoved);
        Assert.Equal(0, result.ConflictingTimestamps);
    }

    [Fact]
    public void Conflicting_copies_drop_the_timestamp_entirely_and_say_which_lines_disagree()
    {
        TimedRow[] rows = [new(0, [0.1], 2), new(28_800, [0.0001], 3), new(28_800, [-0.00002], 4), new(57_600, [0.3], 5)];

        var result = DuplicateTimestamps.Resolve(rows, Rate);

        Assert.Equal([0L, 57_600], result.Rows.Select(r => r.Time));
        Assert.Equal(1, result.ConflictingTimestamps);
        Assert.Equal(2, result.ConflictingRowsRemoved);
        Assert.Equal("1970-01-01T08:00:00Z: rate=0.0001 (line 3) vs rate=-2E-05 (line 4)", Assert.Single(result.ConflictExamples));
    }
}
