using System.Globalization;
using Basis.Core.Market;
using Basis.Core.Time;
using Basis.Data.Canonical;

namespace Basis.Data.Validation;

/// <summary>
/// Validates one series: reads each month file on its own (so one broken file does not hide the others), merges
/// the readable rows in time order and runs the row checks over the merged columns. Work per row is plain loops over
/// arrays; objects are created only per file and per reported example.
/// </summary>
internal sealed class SeriesValidator
{
    private const long SecondsPerHour = 3600;
    private const long SecondsPerDay = 86_400;

    // A funding interval longer than this many median intervals means events are missing; venues move between
    // 8 h, 4 h and 1 h schedules, so shorter intervals are never suspicious.
    private const double EventGapFactor = 1.5;

    private readonly string _root;
    private readonly SeriesId _id;
    private readonly SeriesKindSpec _spec;
    private readonly long _from;
    private readonly long _to;
    private readonly ValidationOptions _options;
    private readonly List<ValidationFinding> _findings = [];
    private readonly List<MonthFileRows> _files = [];
    private readonly List<(long Start, long End)> _unreadableMonths = [];

    private long[] _times = [];
    private double[][] _columns = [];
    private int[] _rowFile = [];
    private int[] _rowInFile = [];

    public SeriesValidator(string root, SeriesId id, long fromUnixSeconds, long toUnixSeconds, ValidationOptions options)
    {
        _root = root;
        _id = id;
        _spec = SeriesCatalog.Spec(id);
        _from = fromUnixSeconds;
        _to = toUnixSeconds;
        _options = options;
    }

    public SeriesValidation Run()
    {
        var allMonths = CanonicalLayout.MonthsPresent(_root, _id).Distinct().ToList();
        var months = allMonths.Where(m => UnixTime.ToSeconds(m) < _to && UnixTime.ToSeconds(m.AddMonths(1)) > _from).ToList();
        if (allMonths.Count == 0)
        {
            Add(ValidationSeverity.Error, ValidationCheck.MissingSeries, null, null,
                $"no month files: expected {_id.Value}/{{yyyy}}/{{MM}}.csv under the data folder", 1, []);
        }
        else if (months.Count == 0)
        {
            Add(ValidationSeverity.Info, ValidationCheck.MissingSeries, null, null, "no month files inside the window", 0, []);
        }

        foreach (var month in months)
        {
            ReadMonth(month);
        }

        Merge();
        if (_spec.Cadence != SeriesCadence.Event)
        {
            CheckCadence();
        }

        CheckRanges();
        CheckNonDecreasing();
        CheckOhlc();
        if (_spec.Cadence == SeriesCadence.Event)
        {
            CheckEventGaps();
        }
        else
        {
            CheckGridGaps();
            if (_spec.StalenessHours > 0)
            {
                CheckStaleness();
            }
        }

        return new SeriesValidation(
            _id.Value,
            _spec.Name,
            CadenceName(_spec.Cadence),
            Coverage(months),
            [.. _findings.OrderBy(f => f.Severity)]);
    }

    private void ReadMonth(DateTime month)
    {
        var path = CanonicalLayout.MonthFile(_root, _id, month.Year, month.Month);
        var relative = Relative(path);
        var monthStart = UnixTime.ToSeconds(month);
        var monthEnd = UnixTime.ToSeconds(month.AddMonths(1));
        SeriesData rows;
        try
        {
            // Read without the month bound so that rows in the wrong file are kept: they are reported below with
            // all their lines, and a timestamp repeated in the next month's file can still be found.
            rows = CanonicalSeriesReader.ReadFile(path, _id);
        }
        catch (CanonicalDataException e)
        {
            Unreadable(relative, e.Line > 0 ? e.Line : null, Problem(e), monthStart, monthEnd);
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Unreadable(relative, null, $"cannot be read: {e.Message}", monthStart, monthEnd);
            return;
        }

        var fileIndex = _files.Count;
        _files.Add(new MonthFileRows(path, relative, rows));
        if (rows.Count == 0)
        {
            Add(ValidationSeverity.Info, ValidationCheck.EmptyFile, relative, null, "the file has a header and no rows", 1, []);
            return;
        }

        var times = rows.Times;
        var count = 0;
        var first = -1;
        var examples = new List<ValidationExample>();
        for (var i = 0; i < times.Length; i++)
        {
            if (times[i] < monthStart || times[i] >= monthEnd)
            {
                count++;
                first = first < 0 ? i : first;
                if (examples.Count < _options.MaxExamples)
                {
                    examples.Add(new ValidationExample(UnixTime.FromSeconds(times[i])));
                }
            }
        }

        if (count > 0)
        {
            Add(ValidationSeverity.Error, ValidationCheck.Month, relative, LineOfRow(_files[fileIndex].Path, first),
                $"{Plural(count, "row")} outside {month:yyyy-MM}, the file's month (first {Format(times[first])}); readers refuse the file", count, examples);
        }
    }

    private void Unreadable(string relative, int? line, string problem, long monthStart, long monthEnd)
    {
        Add(ValidationSeverity.Error, ValidationCheck.File, relative, line, $"{problem}; the file's rows are left out of the other checks", 1, []);
        _unreadableMonths.Add((monthStart, monthEnd));
    }

    /// <summary>Concatenates the readable files' rows inside the window, in file (month) order.</summary>
    private void Merge()
    {
        var total = 0;
        foreach (var file in _files)
        {
            foreach (var t in file.Rows.Times)
            {
                total += t >= _from && t < _to ? 1 : 0;
            }
        }

        var columnCount = _spec.Columns.Count;
        _times = new long[total];
        _columns = new double[columnCount][];
        for (var c = 0; c < columnCount; c++)
        {
            _columns[c] = new double[total];
        }

        _rowFile = new int[total];
        _rowInFile = new int[total];
        var n = 0;
        var increasing = true;
        for (var f = 0; f < _files.Count; f++)
        {
            var rows = _files[f].Rows;
            var times = rows.Times;
            for (var i = 0; i < times.Length; i++)
            {
                if (times[i] < _from || times[i] >= _to)
                {
                    continue;
                }

                increasing &= n == 0 || times[i] > _times[n - 1];
                _times[n] = times[i];
                for (var c = 0; c < columnCount; c++)
                {
                    _columns[c][n] = rows.Column(c)[i];
                }

                _rowFile[n] = f;
                _rowInFile[n] = i;
                n++;
            }
        }

        if (!increasing)
        {
            SortAndDropRepeats();
        }
    }

    /// <summary>
    /// Files are strictly increasing on their own, so rows can only be out of order across files, when some file
    /// holds rows of another month (already an error). Sort them and keep the later file's row of a repeated
    /// timestamp, as the importer does with page-boundary duplicates.
    /// </summary>
    private void SortAndDropRepeats()
    {
        var times = _times;
        var order = new int[times.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort(order, (a, b) => times[a] != times[b] ? times[a].CompareTo(times[b]) : a.CompareTo(b));

        var kept = new List<int>(order.Length);
        var repeats = 0;
        var firstRepeat = (Dropped: -1, Kept: -1);
        var examples = new List<ValidationExample>();
        for (var k = 0; k < order.Length; k++)
        {
            var row = order[k];
            if (k + 1 < order.Length && times[order[k + 1]] == times[row])
            {
                repeats++;
                if (firstRepeat.Dropped < 0)
                {
                    firstRepeat = (row, order[k + 1]);
                }

                if (examples.Count < _options.MaxExamples && (k == 0 || times[order[k - 1]] != times[row]))
                {
                    examples.Add(new ValidationExample(UnixTime.FromSeconds(times[row])));
                }

                continue;
            }

            kept.Add(row);
        }

        if (repeats > 0)
        {
            var (droppedFile, droppedLine) = Locate(firstRepeat.Dropped);
            var (keptFile, keptLine) = Locate(firstRepeat.Kept);
            Add(ValidationSeverity.Error, ValidationCheck.Duplicate, keptFile, keptLine,
                $"{Plural(repeats, "row")} repeat a timestamp of another month file (first {Format(times[firstRepeat.Kept])} in {droppedFile}:{droppedLine} and {keptFile}:{keptLine}); the other checks use the later file's row",
                repeats, examples);
        }

        var columnCount = _columns.Length;
        var newTimes = new long[kept.Count];
        var newColumns = new double[columnCount][];
        for (var c = 0; c < columnCount; c++)
        {
            newColumns[c] = new double[kept.Count];
        }

        var newRowFile = new int[kept.Count];
        var newRowInFile = new int[kept.Count];
        for (var k = 0; k < kept.Count; k++)
        {
            var row = kept[k];
            newTimes[k] = _times[row];
            for (var c = 0; c < columnCount; c++)
            {
                newColumns[c][k] = _columns[c][row];
            }

            newRowFile[k] = _rowFile[row];
            newRowInFile[k] = _rowInFile[row];
        }

        (_times, _columns, _rowFile, _rowInFile) = (newTimes, newColumns, newRowFile, newRowInFile);
    }

    private void CheckCadence()
    {
        var step = StepSeconds();
        var unit = _spec.Cadence == SeriesCadence.Daily ? "day (00:00 UTC)" : "hour";
        var count = 0;
        var first = -1;
        var examples = new List<ValidationExample>();
        for (var i = 0; i < _times.Length; i++)
        {
            if (FloorMod(_times[i], step) != 0)
            {
                count++;
                first = first < 0 ? i : first;
                if (examples.Count < _options.MaxExamples)
                {
                    examples.Add(new ValidationExample(UnixTime.FromSeconds(_times[i])));
                }
            }
        }

        if (count > 0)
        {
            var (file, line) = Locate(first);
            Add(ValidationSeverity.Error, ValidationCheck.Cadence, file, line,
                $"{Plural(count, "row")} not on a whole {unit} (first {Format(_times[first])}); a {CadenceName(_spec.Cadence)} series has one row per {unit}", count, examples);
        }
    }

    /// <summary>Rows from <paramref name="start"/> on that break a rule: how many, the first, and a few examples.</summary>
    private (int Count, int First, List<ValidationExample> Examples) Violations(double[] values, int start, Func<int, bool> breaks)
    {
        var count = 0;
        var first = -1;
        var examples = new List<ValidationExample>();
        for (var i = start; i < values.Length; i++)
        {
            if (!breaks(i))
            {
                continue;
            }

            count++;
            first = first < 0 ? i : first;
            if (examples.Count < _options.MaxExamples)
            {
                examples.Add(new ValidationExample(UnixTime.FromSeconds(_times[i]), Value: values[i]));
            }
        }

        return (count, first, examples);
    }

    private void CheckRanges()
    {
        for (var c = 0; c < _spec.Columns.Count; c++)
        {
            var column = _spec.Columns[c];
            if (column.Type != ColumnType.Number || (double.IsNegativeInfinity(column.Min) && double.IsPositiveInfinity(column.Max)))
            {
                continue;
            }

            var values = _columns[c];
            var (count, first, examples) = Violations(values, 0, i => values[i] < column.Min || values[i] > column.Max);
            if (count > 0)
            {
                var (file, line) = Locate(first);
                Add(ValidationSeverity.Error, ValidationCheck.Range, file, line,
                    $"{Plural(count, "value")} of {column.Name} outside its possible range ({Bounds(column)}, {column.Unit}); first {Format(_times[first])}: {Number(values[first])}",
                    count, examples);
            }
        }
    }

    private void CheckNonDecreasing()
    {
        for (var c = 0; c < _spec.Columns.Count; c++)
        {
            var column = _spec.Columns[c];
            if (!column.NonDecreasing)
            {
                continue;
            }

            var values = _columns[c];
            var (count, first, examples) = Violations(values, 1, i => values[i] < values[i - 1]);
            if (count > 0)
            {
                var (file, line) = Locate(first);
                Add(ValidationSeverity.Error, ValidationCheck.NonDecreasing, file, line,
                    $"{column.Name} falls {Plural(count, "time")}, which it never can; first {Format(_times[first])}: {Number(values[first])} after {Number(values[first - 1])}",
                    count, examples);
            }
        }
    }

    private void CheckOhlc()
    {
        int open = IndexOf("open"), high = IndexOf("high"), low = IndexOf("low"), close = IndexOf("close");
        if (open < 0 || high < 0 || low < 0 || close < 0)
        {
            return;
        }

        CheckBarBound(_columns[low], isLow: true, _columns[open], _columns[close]);
        CheckBarBound(_columns[high], isLow: false, _columns[open], _columns[close]);
    }

    private void CheckBarBound(double[] bound, bool isLow, double[] open, double[] close)
    {
        var count = 0;
        var first = -1;
        var examples = new List<ValidationExample>();
        for (var i = 0; i < bound.Length; i++)
        {
            var broken = isLow ? bound[i] > Math.Min(open[i], close[i]) : bound[i] < Math.Max(open[i], close[i]);
            if (broken)
            {
                count++;
                first = first < 0 ? i : first;
                if (examples.Count < _options.MaxExamples)
                {
                    examples.Add(new ValidationExample(UnixTime.FromSeconds(_times[i]), Value: bound[i]));
                }
            }
        }

        if (count > 0)
        {
            var (file, line) = Locate(first);
            var rule = isLow ? "low above min(open, close)" : "high below max(open, close)";
            Add(ValidationSeverity.Error, ValidationCheck.Ohlc, file, line,
                $"{Plural(count, "bar")} with {rule}; first {Format(_times[first])}: {(isLow ? "low" : "high")} {Number(bound[first])}, open {Number(open[first])}, close {Number(close[first])}",
                count, examples);
        }
    }

    /// <summary>Hourly and daily series: every missing slot between the first and last row, merged into ranges.</summary>
    private void CheckGridGaps()
    {
        var step = StepSeconds();
        var unit = _spec.Cadence == SeriesCadence.Daily ? "day" : "hour";
        long missing = 0, longest = 0, longestAt = 0;
        var ranges = 0;
        var inUnreadable = false;
        var examples = new List<ValidationExample>();
        for (var i = 1; i < _times.Length; i++)
        {
            var previousSlot = FloorDiv(_times[i - 1], step);
            var slot = FloorDiv(_times[i], step);
            var gap = slot - previousSlot - 1;
            if (gap <= 0)
            {
                continue;
            }

            var start = (previousSlot + 1) * step;
            var end = slot * step;
            missing += gap;
            ranges++;
            (longest, longestAt) = gap > longest ? (gap, start) : (longest, longestAt);
            inUnreadable |= OverlapsUnreadable(start, end);
            if (examples.Count < _options.MaxRanges)
            {
                examples.Add(new ValidationExample(UnixTime.FromSeconds(start), UnixTime.FromSeconds(end)));
            }
        }

        if (ranges > 0)
        {
            var note = Note(inUnreadable, examples.Count, ranges);
            Add(ValidationSeverity.Warning, ValidationCheck.Gap, null, null,
                $"{Plural(missing, "missing " + unit)} in {Plural(ranges, "range")} between the first and last row (longest {Plural(longest, unit)}, from {Format(longestAt)}){note}",
                checked((int)missing), examples);
        }
    }

    /// <summary>Event series: intervals much longer than the series' usual (median) interval.</summary>
    private void CheckEventGaps()
    {
        if (_times.Length < 3)
        {
            return; // fewer than two intervals have no usual interval to compare with
        }

        var intervals = new long[_times.Length - 1];
        for (var i = 1; i < _times.Length; i++)
        {
            intervals[i - 1] = _times[i] - _times[i - 1];
        }

        Array.Sort(intervals);
        var mid = intervals.Length / 2;
        var median = intervals.Length % 2 == 1 ? intervals[mid] : (intervals[mid - 1] + intervals[mid]) / 2.0;
        var limit = EventGapFactor * median;

        var count = 0;
        long missingEvents = 0, longest = 0, longestAt = 0;
        var inUnreadable = false;
        var examples = new List<ValidationExample>();
        for (var i = 1; i < _times.Length; i++)
        {
            var interval = _times[i] - _times[i - 1];
            if (interval <= limit)
            {
                continue;
            }

            count++;
            missingEvents += (long)Math.Round(interval / median) - 1;
            (longest, longestAt) = interval > longest ? (interval, _times[i - 1]) : (longest, longestAt);
            inUnreadable |= OverlapsUnreadable(_times[i - 1], _times[i]);
            if (examples.Count < _options.MaxRanges)
            {
                examples.Add(new ValidationExample(UnixTime.FromSeconds(_times[i - 1]), UnixTime.FromSeconds(_times[i])));
            }
        }

        if (count > 0)
        {
            var note = Note(inUnreadable, examples.Count, count);
            Add(ValidationSeverity.Warning, ValidationCheck.Gap, null, null,
                $"{Plural(count, "interval")} longer than {Number(EventGapFactor)} x the median interval of {Hours(median)} h, about {Plural(missingEvents, "event")} missing (longest {Hours(longest)} h, from {Format(longestAt)}){note}",
                count, examples);
        }
    }

    /// <summary>
    /// A run reads the latest row at or before each hour and fails when it is older than the kind's staleness limit,
    /// so between rows t0 and t1 the hours after t0 + limit fail. The examples are exactly those hours.
    /// </summary>
    private void CheckStaleness()
    {
        var limit = _spec.StalenessHours * SecondsPerHour;
        long staleHours = 0, longest = 0, longestAt = 0;
        var stretches = 0;
        var inUnreadable = false;
        var examples = new List<ValidationExample>();
        for (var i = 1; i < _times.Length; i++)
        {
            var firstStale = (FloorDiv(_times[i - 1] + limit, SecondsPerHour) + 1) * SecondsPerHour;
            if (firstStale >= _times[i])
            {
                continue;
            }

            // Whole hours strictly between the two rows: the stretch a run spends on the older row's value.
            var withoutRow = CeilDiv(_times[i], SecondsPerHour) - FloorDiv(_times[i - 1], SecondsPerHour) - 1;
            stretches++;
            staleHours += CeilDiv(_times[i] - firstStale, SecondsPerHour);
            (longest, longestAt) = withoutRow > longest ? (withoutRow, _times[i - 1]) : (longest, longestAt);
            inUnreadable |= OverlapsUnreadable(firstStale, _times[i]);
            if (examples.Count < _options.MaxRanges)
            {
                examples.Add(new ValidationExample(UnixTime.FromSeconds(firstStale), UnixTime.FromSeconds(_times[i])));
            }
        }

        if (stretches > 0)
        {
            var note = Note(inUnreadable, examples.Count, stretches);
            Add(ValidationSeverity.Warning, ValidationCheck.Staleness, null, null,
                $"{Plural(stretches, "stretch", "stretches")} without a row longer than the {_spec.StalenessHours} h staleness limit (longest {longest.ToString(CultureInfo.InvariantCulture)} h, after the row at {Format(longestAt)}): a run over these {Plural(staleHours, "hour")} would fail without a fallback{note}",
                checked((int)staleHours), examples);
        }
    }

    private SeriesCoverage Coverage(List<DateTime> months)
    {
        var missingMonths = new List<string>();
        if (months.Count > 0)
        {
            for (var month = months[0]; month < months[^1]; month = month.AddMonths(1))
            {
                if (!months.Contains(month))
                {
                    missingMonths.Add(month.ToString("yyyy-MM", CultureInfo.InvariantCulture));
                }
            }
        }

        long longestInterval = 0;
        for (var i = 1; i < _times.Length; i++)
        {
            longestInterval = Math.Max(longestInterval, _times[i] - _times[i - 1]);
        }

        return new SeriesCoverage(
            _times.Length > 0 ? UnixTime.FromSeconds(_times[0]) : null,
            _times.Length > 0 ? UnixTime.FromSeconds(_times[^1]) : null,
            _times.Length,
            months.Count,
            missingMonths,
            _times.Length > 1 ? longestInterval / (double)SecondsPerHour : null);
    }

    private void Add(ValidationSeverity severity, string check, string? file, int? line, string message, int count, IReadOnlyList<ValidationExample> examples) =>
        _findings.Add(new ValidationFinding(severity, check, _id.Value, file, line, message, count, examples));

    /// <summary>The file and line of a merged row; only called for the few rows a finding names.</summary>
    private (string File, int Line) Locate(int row)
    {
        var file = _files[_rowFile[row]];
        return (file.Relative, LineOfRow(file.Path, _rowInFile[row]));
    }

    /// <summary>
    /// The 1-based line of the <paramref name="rowInFile"/>-th data row, counted as the reader does (line 1 is the
    /// header, empty lines are skipped but numbered).
    /// </summary>
    private static int LineOfRow(string path, int rowInFile)
    {
        ReadOnlySpan<byte> rest = File.ReadAllBytes(path);
        var line = 0;
        var row = -1;
        while (!rest.IsEmpty)
        {
            line++;
            var newline = rest.IndexOf((byte)'\n');
            var text = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? [] : rest[(newline + 1)..];
            var empty = text.IsEmpty || (text.Length == 1 && text[0] == (byte)'\r');
            if (line > 1 && !empty)
            {
                row++;
                if (row == rowInFile)
                {
                    return line;
                }
            }
        }

        throw new InvalidOperationException($"{path} has no data row {rowInFile}; it changed while being validated.");
    }

    private bool OverlapsUnreadable(long start, long end)
    {
        foreach (var (monthStart, monthEnd) in _unreadableMonths)
        {
            if (start < monthEnd && end > monthStart)
            {
                return true;
            }
        }

        return false;
    }

    private int IndexOf(string column)
    {
        for (var c = 0; c < _spec.Columns.Count; c++)
        {
            if (_spec.Columns[c].Name == column)
            {
                return c;
            }
        }

        return -1;
    }

    private long StepSeconds() => _spec.Cadence == SeriesCadence.Daily ? SecondsPerDay : SecondsPerHour;

    private string Relative(string path) => Path.GetRelativePath(_root, path).Replace(Path.DirectorySeparatorChar, '/');

    /// <summary>The exception's problem without the "path:line: " prefix, which the finding carries separately.</summary>
    private static string Problem(CanonicalDataException e)
    {
        var prefix = e.Line > 0 ? $"{e.Path}:{e.Line.ToString(CultureInfo.InvariantCulture)}: " : $"{e.Path}: ";
        return e.Message.StartsWith(prefix, StringComparison.Ordinal) ? e.Message[prefix.Length..] : e.Message;
    }

    internal static string CadenceName(SeriesCadence cadence) => cadence switch
    {
        SeriesCadence.Hourly => "hourly",
        SeriesCadence.Daily => "daily",
        SeriesCadence.Event => "event",
        _ => throw new ArgumentOutOfRangeException(nameof(cadence), cadence, "Unknown cadence."),
    };

    private static string Bounds(ColumnSpec column)
    {
        var lower = column.Min == double.Epsilon ? "above 0"
            : double.IsNegativeInfinity(column.Min) ? null
            : "at least " + Number(column.Min);
        var upper = double.IsPositiveInfinity(column.Max) ? null : "at most " + Number(column.Max);
        return lower is null ? upper! : upper is null ? lower : lower + " and " + upper;
    }

    /// <summary>What a range finding's message adds: whether unreadable files explain part of it, and whether the list is cut.</summary>
    private static string Note(bool inUnreadable, int listed, int ranges) =>
        (inUnreadable ? "; some lie in month files that could not be read" : string.Empty) +
        (listed < ranges ? $"; the first {listed.ToString(CultureInfo.InvariantCulture)} are listed" : string.Empty);

    private static string Format(long unixSeconds) => UnixTime.Format(unixSeconds);

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Hours(double seconds) => (seconds / SecondsPerHour).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Plural(long count, string noun, string? plural = null) =>
        count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? noun : plural ?? noun + "s");

    private static long FloorDiv(long value, long step) => (value / step) - (value % step < 0 ? 1 : 0);

    private static long CeilDiv(long value, long step) => -FloorDiv(-value, step);

    private static long FloorMod(long value, long step) => value - (FloorDiv(value, step) * step);

    private sealed record MonthFileRows(string Path, string Relative, SeriesData Rows);
}
