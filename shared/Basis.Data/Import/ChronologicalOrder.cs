namespace Basis.Data.Import;

/// <summary>Repair: puts rows in time order (stable, so rows of one timestamp keep their file order).</summary>
internal static class ChronologicalOrder
{
    /// <summary>Sorts <paramref name="rows"/> in place; returns how many rows came earlier in time than the row before them.</summary>
    public static int Sort(List<TimedRow> rows)
    {
        var outOfOrder = 0;
        for (var i = 1; i < rows.Count; i++)
        {
            if (rows[i].Time < rows[i - 1].Time)
            {
                outOfOrder++;
            }
        }

        if (outOfOrder > 0)
        {
            var sorted = rows.Select((row, index) => (row, index))
                .OrderBy(x => x.row.Time)
                .ThenBy(x => x.index)
                .Select(x => x.row)
                .ToList();
            rows.Clear();
            rows.AddRange(sorted);
        }

        return outOfOrder;
    }
}
