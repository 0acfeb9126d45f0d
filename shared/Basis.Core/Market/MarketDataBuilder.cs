using Basis.Core.Time;

namespace Basis.Core.Market;

/// <summary>
/// Loads the series a run requests from a source and lays them onto the run's hour grid, enforcing each kind's
/// staleness limit and substituting configured fallbacks hour by hour, for hours their series is stale. Hours
/// nothing covers are collected and reported together in a <see cref="MarketDataCoverageException"/>.
/// </summary>
public static class MarketDataBuilder
{
    private const long SecondsPerHour = 3600;

    /// <summary>Reads and aligns every requested series.</summary>
    public static async Task<MarketData> BuildAsync(HourGrid grid, IReadOnlyList<SeriesRequest> requests, IMarketDataSource source, CancellationToken cancellationToken = default) =>
        Build(grid, requests, await ReadAsync(grid, requests, source, cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// <paramref name="market"/> (built by <see cref="BuildAsync"/> without stress) extended to <paramref name="endUtc"/>:
    /// only the new hours' rows are read and aligned, and the result is what <see cref="BuildAsync"/> gives for the
    /// whole grid, report included, since each hour is aligned from the rows within its staleness limit before it alone.
    /// </summary>
    public static async Task<MarketData> ExtendAsync(MarketData market, DateTime endUtc, IReadOnlyList<SeriesRequest> requests, IMarketDataSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(market);
        var grid = new HourGrid(market.Grid.End, endUtc);
        var rows = await ReadAsync(grid, requests, source, cancellationToken).ConfigureAwait(false);
        var tail = Build(grid, requests, rows);
        var report = market.Report.Zip(tail.Report, (before, after) => Merge(before, after, rows[after.Series], UnixTime.ToSeconds(grid.Start))).ToList();
        return market.Append(tail, report);
    }

    private static async Task<Dictionary<SeriesId, SeriesData>> ReadAsync(HourGrid grid, IReadOnlyList<SeriesRequest> requests, IMarketDataSource source, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(source);

        var ids = requests.SelectMany(r => r.Sources.Select(id => (Id: id, r.Use))).Distinct().ToList();
        var reads = ids.Select(x =>
        {
            var (from, to) = ReadWindow(grid, x.Id, x.Use);
            return Task.Run(() => source.ReadAsync(x.Id, from, to, cancellationToken), cancellationToken);
        }).ToList();
        var loaded = await Task.WhenAll(reads).ConfigureAwait(false);
        var byId = new Dictionary<SeriesId, SeriesData>();
        for (var i = 0; i < ids.Count; i++)
        {
            byId[ids[i].Id] = loaded[i];
        }

        return byId;
    }

    /// <summary>
    /// One series' report over both grids: the extension's look-back rows were read for the first grid already, and a
    /// fallback's span ending where the extension starts goes on in the extension's first span of the same fallback.
    /// </summary>
    private static SeriesReport Merge(SeriesReport before, SeriesReport after, SeriesData read, long extensionStart)
    {
        var added = 0;
        foreach (var time in read.Times)
        {
            added += time >= extensionStart ? 1 : 0;
        }

        var hours = new Dictionary<string, int>(before.FallbackHours, StringComparer.Ordinal);
        foreach (var (fallback, count) in after.FallbackHours)
        {
            hours[fallback] = hours.GetValueOrDefault(fallback) + count;
        }

        var spans = (before.FallbackSpans ?? []).ToList();
        foreach (var span in after.FallbackSpans ?? [])
        {
            if (spans.Count > 0 && spans[^1].Fallback == span.Fallback && spans[^1].ToUtc == span.FromUtc)
            {
                spans[^1] = spans[^1] with { ToUtc = span.ToUtc };
            }
            else
            {
                spans.Add(span);
            }
        }

        return before with
        {
            Rows = before.Rows + added,
            FirstUtc = before.FirstUtc ?? after.FirstUtc,
            LastUtc = after.LastUtc ?? before.LastUtc,
            FallbackHours = hours,
            FallbackSpans = spans,
        };
    }

    /// <summary>The window a request needs read: the run plus, for levels and events, a look-back of the staleness limit.</summary>
    public static (DateTime FromUtc, DateTime ToUtc) ReadWindow(HourGrid grid, SeriesId id, SeriesUse use)
    {
        var spec = SeriesCatalog.Spec(id);
        return use == SeriesUse.Distributions
            ? (grid.Start, grid.End)
            : (grid.Start.AddHours(-(spec.StalenessHours + 1)), grid.End);
    }

    /// <summary>Aligns already-read series (keyed by id) onto the grid.</summary>
    public static MarketData Build(HourGrid grid, IReadOnlyList<SeriesRequest> requests, IReadOnlyDictionary<SeriesId, SeriesData> rows)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(rows);

        var aligned = new Dictionary<SeriesId, AlignedSeries>();
        var distributions = new Dictionary<SeriesId, SeriesData>();
        var report = new List<SeriesReport>();
        var gaps = new List<CoverageGap>();

        foreach (var request in requests)
        {
            var primary = rows[request.Id];
            var fallbackHours = new Dictionary<string, int>(StringComparer.Ordinal);
            var fallbackSpans = new List<FallbackSpan>();
            switch (request.Use)
            {
                case SeriesUse.Level:
                    aligned[request.Id] = AlignLevels(grid, request, rows, fallbackHours, fallbackSpans, gaps);
                    break;
                case SeriesUse.Events:
                    aligned[request.Id] = AlignEvents(grid, request, primary, gaps);
                    break;
                case SeriesUse.Distributions:
                    distributions[request.Id] = primary;
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(requests), request.Use, "Unknown series use.");
            }

            report.Add(new SeriesReport(
                request.Id,
                request.Use,
                primary.Count,
                primary.Count > 0 ? UnixTime.FromSeconds(primary.Times[0]) : null,
                primary.Count > 0 ? UnixTime.FromSeconds(primary.Times[^1]) : null,
                fallbackHours,
                fallbackSpans));
        }

        if (gaps.Count > 0)
        {
            throw new MarketDataCoverageException(gaps);
        }

        return new MarketData(grid, aligned, distributions, report);
    }

    private static AlignedSeries AlignLevels(HourGrid grid, SeriesRequest request, IReadOnlyDictionary<SeriesId, SeriesData> rows, Dictionary<string, int> fallbackHours, List<FallbackSpan> fallbackSpans, List<CoverageGap> gaps)
    {
        var spec = SeriesCatalog.Spec(request.Id);
        var columns = new double[spec.Columns.Count][];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = new double[grid.Hours];
        }

        var sources = request.Sources.ToList();
        var servedBy = new int[grid.Hours];
        Array.Fill(servedBy, -1);
        var fresh = new bool[grid.Hours];
        for (var s = 0; s < sources.Count; s++)
        {
            FillAsOf(grid, rows[sources[s]], spec.StalenessHours * SecondsPerHour, columns, servedBy, fresh, s);
        }

        ReportFallbacks(grid, sources, servedBy, fallbackHours, fallbackSpans);
        var covered = Array.ConvertAll(servedBy, s => s >= 0);
        if (request.OnlyWhileHeld)
        {
            MarkUncovered(columns, covered);
        }
        else
        {
            CollectGaps(grid, request, spec.StalenessHours, covered, gaps);
        }

        return new AlignedSeries(request.Id, columns);
    }

    /// <summary>Counts the hours each fallback served and lists them as runs of consecutive hours.</summary>
    private static void ReportFallbacks(HourGrid grid, List<SeriesId> sources, int[] servedBy, Dictionary<string, int> fallbackHours, List<FallbackSpan> fallbackSpans)
    {
        var h = 0;
        while (h < servedBy.Length)
        {
            var source = servedBy[h];
            var from = h;
            while (h < servedBy.Length && servedBy[h] == source)
            {
                h++;
            }

            if (source > 0)
            {
                var id = sources[source].Value;
                fallbackHours[id] = fallbackHours.GetValueOrDefault(id) + (h - from);
                fallbackSpans.Add(new FallbackSpan(id, grid.TimeOf(from), grid.TimeOf(h)));
            }
        }
    }

    private static void MarkUncovered(double[][] columns, bool[] covered)
    {
        for (var h = 0; h < covered.Length; h++)
        {
            if (!covered[h])
            {
                foreach (var column in columns)
                {
                    column[h] = double.NaN;
                }
            }
        }
    }

    /// <summary>
    /// Serves hours from <paramref name="data"/> (source number <paramref name="source"/>), as of each hour: the hours
    /// no earlier source covers, and the hours an earlier source only covers with a stale value while this one has a
    /// fresh observation (a price forward-filled through a venue's outage is not the market's price, another venue's
    /// of the same hour is). A bar row at <c>t</c> is the bar itself at <c>t</c>; at later hours it stands as a flat bar
    /// at its close, which is an observation from <c>t + 1 h</c>. Fresh means observed at the hour itself.
    /// </summary>
    private static void FillAsOf(HourGrid grid, SeriesData data, long stalenessSeconds, double[][] columns, int[] servedBy, bool[] fresh, int source)
    {
        var isBar = data.Spec.Kind is SeriesKind.Spot or SeriesKind.Perp;
        var closeIndex = isBar ? data.Spec.ColumnIndex("close") : -1;
        var volumeIndex = isBar ? data.Spec.ColumnIndex("volume") : -1;
        var times = data.Times;
        var next = 0;
        for (var h = 0; h < grid.Hours; h++)
        {
            var t = grid.UnixSecondsOf(h);
            while (next < times.Length && times[next] <= t)
            {
                next++;
            }

            if ((servedBy[h] >= 0 && fresh[h]) || next == 0)
            {
                continue;
            }

            var row = next - 1;
            var observed = times[row];
            var exact = observed == t;
            if (isBar && !exact)
            {
                observed = Math.Min(t, observed + SecondsPerHour);
            }

            var age = t - observed;
            if (age > stalenessSeconds || (servedBy[h] >= 0 && age > 0))
            {
                continue;
            }

            for (var c = 0; c < columns.Length; c++)
            {
                columns[c][h] = !isBar || exact
                    ? data.Column(c)[row]
                    : c == volumeIndex ? 0 : data.Column(closeIndex)[row];
            }

            servedBy[h] = source;
            fresh[h] = age == 0;
        }
    }

    private static AlignedSeries AlignEvents(HourGrid grid, SeriesRequest request, SeriesData data, List<CoverageGap> gaps)
    {
        var spec = data.Spec;
        var columns = new double[spec.Columns.Count][];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = new double[grid.Hours];
            Array.Fill(columns[c], double.NaN);
        }

        var start = grid.UnixSecondsOf(0);
        var times = data.Times;
        for (var i = 0; i < times.Length; i++)
        {
            // An event at t applies to positions held at t: those carried into the first grid hour at or after t.
            var h = (int)Math.Ceiling((times[i] - start) / (double)SecondsPerHour);
            if (h < 0 || h >= grid.Hours)
            {
                continue;
            }

            if (!double.IsNaN(columns[0][h]))
            {
                throw new InvalidDataException($"{data.Id} has two events in the hour {UnixTime.Format(grid.TimeOf(h))}; expected at most one.");
            }

            for (var c = 0; c < columns.Length; c++)
            {
                columns[c][h] = data.Column(c)[i];
            }
        }

        var covered = new bool[grid.Hours];
        var stalenessSeconds = spec.StalenessHours * SecondsPerHour;
        var next = 0;
        for (var h = 0; h < grid.Hours; h++)
        {
            var t = grid.UnixSecondsOf(h);
            while (next < times.Length && times[next] <= t)
            {
                next++;
            }

            covered[h] = next > 0 && t - times[next - 1] <= stalenessSeconds;
        }

        CollectGaps(grid, request, spec.StalenessHours, covered, gaps);
        return new AlignedSeries(request.Id, columns);
    }

    private static void CollectGaps(HourGrid grid, SeriesRequest request, int stalenessHours, bool[] covered, List<CoverageGap> gaps)
    {
        var h = 0;
        while (h < grid.Hours)
        {
            if (covered[h])
            {
                h++;
                continue;
            }

            var from = h;
            while (h < grid.Hours && !covered[h])
            {
                h++;
            }

            gaps.Add(new CoverageGap(request.Id, grid.TimeOf(from), grid.TimeOf(h), stalenessHours, request.Fallbacks));
        }
    }
}
