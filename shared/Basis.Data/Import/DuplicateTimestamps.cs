using System.Globalization;

namespace Basis.Data.Import;

/// <summary>
/// Repair: a timestamp that repeats with identical values keeps one copy (page-boundary overlaps of the
/// original's downloaders). A timestamp that repeats with different values is dropped entirely: there is no way to
/// know which copy is right, and keeping either would be a guess that changes money.
/// </summary>
internal static class DuplicateTimestamps
{
    private const int MaxExamples = 5;

    /// <summary>Resolves duplicates in rows already sorted by time. Only the imported values are compared.</summary>
    public static DuplicateResolution Resolve(IReadOnlyList<TimedRow> sortedRows, IReadOnlyList<string> columns)
    {
        var kept = new List<TimedRow>(sortedRows.Count);
        var identical = 0;
        var conflictingRows = 0;
        var conflictingTimestamps = 0;
        var examples = new List<string>();
        var start = 0;
        while (start < sortedRows.Count)
        {
            var end = start + 1;
            while (end < sortedRows.Count && sortedRows[end].Time == sortedRows[start].Time)
            {
                end++;
            }

            var copies = end - start;
            if (copies == 1)
            {
                kept.Add(sortedRows[start]);
            }
            else if (AllIdentical(sortedRows, start, end))
            {
                kept.Add(sortedRows[start]);
                identical += copies - 1;
            }
            else
            {
                conflictingRows += copies;
                conflictingTimestamps++;
                if (examples.Count < MaxExamples)
                {
                    examples.Add(DescribeConflict(sortedRows, start, end, columns));
                }
            }

            start = end;
        }

        return new DuplicateResolution(kept, identical, conflictingRows, conflictingTimestamps, examples);
    }

    private static bool AllIdentical(IReadOnlyList<TimedRow> rows, int start, int end)
    {
        for (var i = start + 1; i < end; i++)
        {
            if (!rows[i].Values.AsSpan().SequenceEqual(rows[start].Values))
            {
                return false;
            }
        }

        return true;
    }

    private static string DescribeConflict(IReadOnlyList<TimedRow> rows, int start, int end, IReadOnlyList<string> columns)
    {
        var copies = new List<string>();
        for (var i = start; i < end; i++)
        {
            var values = string.Join(", ", columns.Select((c, k) => $"{c}={SourceValue.Format(rows[i].Values[k])}"));
            copies.Add(string.Create(CultureInfo.InvariantCulture, $"{values} (line {rows[i].Line})"));
        }

        return $"{SourceValue.Format(rows[start].Time)}: {string.Join(" vs ", copies)}";
    }
}
