using System.Globalization;
using System.Text;
using Basis.Core.Market;
using Basis.Core.Time;

namespace Basis.Data.Import;

/// <summary>
/// Imports one source CSV into one canonical series: parse, refuse fakes, repair what can be repaired, drop
/// impossible rows, report gaps, write. Each step is one of the small rules of this folder.
/// </summary>
internal static class SeriesFileImport
{
    public static void Run(ImportContext context, SourceFile file, ImportEntryBuilder entry, SeriesId id, SeriesSourceFormat format)
    {
        var spec = SeriesCatalog.Spec(id);
        if (format.SourceColumns.Count != spec.Columns.Count)
        {
            throw new InvalidOperationException($"The mapping of {file.RelativePath} gives {format.SourceColumns.Count} columns for {id}, which has {spec.Columns.Count}.");
        }

        var names = spec.Columns.Select(c => c.Name).ToArray();
        var table = SourceTable.Read(file.FullPath, file.RelativePath);
        entry.RowsRead = table.Rows.Count;
        if (table.Columns.Count == 0)
        {
            entry.Refuse("empty file: no header and no records");
            return;
        }

        var rows = SourceRowParser.Parse(table, format.TimeColumn, format.SourceColumns, entry.Dropped, out var missing);
        if (rows is null)
        {
            entry.Refuse($"missing column(s) {missing} (header: {string.Join(", ", table.Columns)})");
            return;
        }

        if (table.Rows.Count == 0)
        {
            entry.Refuse("no records: the file holds a header but no data rows");
            return;
        }

        if (rows.Count == 0)
        {
            entry.Refuse("no row could be parsed");
            return;
        }

        if (format.YieldColumns.Count > 0)
        {
            var yields = format.YieldColumns.Select(c => (Index: IndexOf(format.SourceColumns, c), Name: c)).ToArray();
            if (GarbageYieldDetector.Detect(rows, yields) is { } garbage)
            {
                entry.Refuse(garbage);
                return;
            }
        }

        entry.RowsOutOfOrder = ChronologicalOrder.Sort(rows);
        if (PlaceholderDetector.Detect(file.RelativePath, rows, format.PrimaryColumn, format.SourceColumns[format.PrimaryColumn]) is { } placeholder)
        {
            entry.Refuse(placeholder);
            return;
        }

        var duplicates = DuplicateTimestamps.Resolve(rows, names);
        entry.IdenticalDuplicatesRemoved = duplicates.IdenticalRemoved;
        entry.ConflictingDuplicatesRemoved = duplicates.ConflictingRowsRemoved;
        entry.ConflictingTimestamps = duplicates.ConflictingTimestamps;
        entry.ConflictExamples.AddRange(duplicates.ConflictExamples);

        var aligned = CadenceAlignment.Apply(duplicates.Rows, spec.Cadence, names, entry.Dropped);
        var valid = ColumnLimits.Apply(aligned, spec.Columns, entry.Dropped);
        var output = valid;
        if (format.Transform == SeriesTransform.DailySnapshotsToHourly)
        {
            var snapshotGaps = GapFinder.MissingSteps(valid.Select(r => r.Time).ToArray(), 86_400);
            if (snapshotGaps.Count > 0)
            {
                entry.Warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{snapshotGaps.Count} gaps in the daily snapshots ({snapshotGaps.MissingHours} h, first {DescribeRange(snapshotGaps.FirstRanges[0])}) are bridged by the interpolation; rates there are carried forward from the snapshot before"));
            }

            var isIndex = spec.Columns.Select(c => c.NonDecreasing).ToArray();
            output = ColumnLimits.Apply(GeometricIndexInterpolation.ToHourly(valid, isIndex), spec.Columns, entry.Dropped);
        }
        else if (spec.Cadence == SeriesCadence.Hourly &&
                 IntradayInterpolationDetector.Detect(output, format.PrimaryColumn, format.SourceColumns[format.PrimaryColumn]) is { } linear)
        {
            entry.Notes.Add(linear);
        }

        if (output.Count == 0)
        {
            entry.Refuse("no valid rows remain after the repairs");
            return;
        }

        var series = ToSeries(id, output);
        context.Write(series, file.RelativePath);
        entry.RowsWritten = series.Count;
        entry.Gaps = GapsOf(spec, series.Times);
        NoteClaimedRange(file.RelativePath, series.Times, entry);

        var repaired = entry.HasRepairs || format.Transform != SeriesTransform.None;
        entry.Action = repaired ? ImportAction.RepairedAndImported : ImportAction.Imported;
        entry.Reason = DescribeImport(id, series, valid.Count, format, entry);
    }

    /// <summary>The gaps a written series has, by its kind: missing hours or days, or long funding intervals.</summary>
    public static GapSummary? GapsOf(SeriesKindSpec spec, ReadOnlySpan<long> times) =>
        spec.Kind == SeriesKind.Funding
            ? GapFinder.LongIntervals(times)
            : CadenceAlignment.StepSeconds(spec.Cadence) is { } step ? GapFinder.MissingSteps(times, step) : null;

    public static SeriesData ToSeries(SeriesId id, IReadOnlyList<TimedRow> rows)
    {
        var columnCount = SeriesCatalog.Spec(id).Columns.Count;
        var times = new long[rows.Count];
        var columns = new double[columnCount][];
        for (var c = 0; c < columnCount; c++)
        {
            columns[c] = new double[rows.Count];
        }

        for (var i = 0; i < rows.Count; i++)
        {
            times[i] = rows[i].Time;
            for (var c = 0; c < columnCount; c++)
            {
                columns[c][i] = rows[i].Values[c];
            }
        }

        return new SeriesData(id, times, columns);
    }

    /// <summary>Notes when the rows stop well short of (or start well after) the range the file name claims.</summary>
    public static void NoteClaimedRange(string relativePath, ReadOnlySpan<long> times, ImportEntryBuilder entry)
    {
        if (ClaimedDateRange.FromFileName(relativePath) is not { } claimed || times.IsEmpty)
        {
            return;
        }

        var first = DateOnly.FromDateTime(UnixTime.FromSeconds(times[0]));
        var last = DateOnly.FromDateTime(UnixTime.FromSeconds(times[^1]));
        if (Math.Abs(first.DayNumber - claimed.From.DayNumber) > 1 || Math.Abs(last.DayNumber - claimed.To.DayNumber) > 1)
        {
            entry.Notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"the file name claims {claimed}; the rows written cover {first:yyyy-MM-dd} → {last:yyyy-MM-dd}"));
        }
    }

    public static string DescribeRange(GapRange range) =>
        $"{UnixTime.Format(range.From)} → {UnixTime.Format(range.To)}";

    private static string DescribeImport(SeriesId id, SeriesData series, int sourceRows, SeriesSourceFormat format, ImportEntryBuilder entry)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"imported as {id}: {SourceValue.Count(series.Count)} rows, {SourceValue.Format(series.Times[0])} → {SourceValue.Format(series.Times[^1])}");
        var repairs = new List<string>();
        if (format.Transform == SeriesTransform.DailySnapshotsToHourly)
        {
            repairs.Add(string.Create(CultureInfo.InvariantCulture,
                $"{SourceValue.Count(sourceRows)} daily snapshots interpolated to hourly rows (indices geometrically, rates carried forward from the last snapshot)"));
        }

        if (entry.RowsOutOfOrder > 0)
        {
            repairs.Add($"{SourceValue.Count(entry.RowsOutOfOrder)} rows out of time order sorted");
        }

        if (entry.IdenticalDuplicatesRemoved > 0)
        {
            repairs.Add($"{SourceValue.Count(entry.IdenticalDuplicatesRemoved)} identical duplicate rows removed (one copy kept)");
        }

        if (entry.ConflictingTimestamps > 0)
        {
            repairs.Add($"{SourceValue.Count(entry.ConflictingTimestamps)} timestamps with conflicting values dropped ({SourceValue.Count(entry.ConflictingDuplicatesRemoved)} rows): which copy is right cannot be known");
        }

        if (entry.Dropped.Total > 0)
        {
            repairs.Add($"{SourceValue.Count(entry.Dropped.Total)} invalid rows dropped (see dropped_rows)");
        }

        if (repairs.Count > 0)
        {
            text.Append("; repairs: ").Append(string.Join("; ", repairs));
        }

        if (entry.Gaps is { Count: > 0 } gaps)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"; {SourceValue.Count(gaps.Count)} gaps totalling {gaps.MissingHours:0.##} h reported, not filled");
        }

        return text.ToString();
    }

    private static int IndexOf(IReadOnlyList<string> columns, string name)
    {
        for (var i = 0; i < columns.Count; i++)
        {
            if (columns[i] == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Yield column '{name}' is not among the imported columns ({string.Join(", ", columns)}).");
    }
}
