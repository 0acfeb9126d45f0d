using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Basis.Configuration;
using Basis.Configuration.Binding;
using Basis.Core.Market;
using Basis.Core.Results;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Stress;
using Basis.Core.Time;
using Basis.Data.Results;
using Basis.Data.Stores;

namespace Basis.Orchestrations.Backtests;

/// <summary>
/// What backtest activities work with: the configuration, the market data (through a per-blob cache), the result
/// store, and scratch space for segments in flight. One per process; shared by every activity it runs.
/// </summary>
public sealed class BacktestWorkspace
{
    /// <summary>The smallest initial capital a run takes, in share-class units.</summary>
    public const double MinCapital = 1;

    /// <summary>The largest capital or capital flow a run takes, in share-class units (1e12).</summary>
    public const double MaxAmount = 1e12;

    private const int MarketCacheSize = 16;

    /// <summary>Open-ended runs' market data kept to be extended: one per live instance (or per start and mode), a few MB a year each.</summary>
    private const int GrowingMarketCacheSize = 64;

    /// <summary>Resolved configurations kept: enough for a sweep's grid, bounded because each holds its merged tree.</summary>
    private const int ModeCacheSize = 1024;
    private readonly ConcurrentDictionary<string, ResolvedMode> _modes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lazy<Task<MarketData>>> _markets = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _marketOrder = new();
    private readonly Dictionary<string, MarketData> _growing = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _growingOrder = new();

    /// <param name="configuration">Modes, share classes and venues.</param>
    /// <param name="data">Where market data comes from.</param>
    /// <param name="results">Where runs and their results are kept.</param>
    /// <param name="scratch">
    /// Where the segments of a run longer than a year wait for assembly: the result store itself when processes share
    /// the work (durable), an in-memory store when everything lives in one process anyway (embedded).
    /// </param>
    public BacktestWorkspace(BasisConfiguration configuration, IMarketDataSource data, IResultStore results, IResultStore scratch)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(scratch);
        Configuration = configuration;
        Data = new MonthlyBlobCache(data);
        Results = results;
        Scratch = scratch;
    }

    public BasisConfiguration Configuration { get; }

    public MonthlyBlobCache Data { get; }

    public IResultStore Results { get; }

    public IResultStore Scratch { get; }

    /// <summary>
    /// Resolves and checks a request; throws <see cref="BacktestRequestException"/> naming the request field at fault.
    /// The HTTP API and the command line call this before starting a run, so bad input never becomes a failed run.
    /// </summary>
    public PreparedBacktest Prepare(string runId, BacktestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!HourGrid.IsWholeUtcHour(request.StartUtc))
        {
            throw new BacktestRequestException("start_date", $"must be a whole UTC hour (got {UnixTime.Format(request.StartUtc)})");
        }

        if (!HourGrid.IsWholeUtcHour(request.EndUtc))
        {
            throw new BacktestRequestException("end_date", $"must be a whole UTC hour (got {UnixTime.Format(request.EndUtc)})");
        }

        if (request.EndUtc <= request.StartUtc)
        {
            throw new BacktestRequestException("end_date", $"must be after start_date ({UnixTime.Format(request.StartUtc)} → {UnixTime.Format(request.EndUtc)})");
        }

        var resolved = Resolve(request.Mode, request.Overrides ?? []);
        var shareClass = resolved.Settings.ShareClass;
        if (request.ShareClass is { } expected && !string.Equals(expected, shareClass.Name(), StringComparison.OrdinalIgnoreCase))
        {
            throw new BacktestRequestException("share_class", $"{resolved.Mode.Name} reports in {shareClass.Name()}, not {expected}");
        }

        var capital = request.InitialCapital ?? DefaultCapital(shareClass);
        if (!(capital >= MinCapital && capital <= MaxAmount))
        {
            throw new BacktestRequestException("initial_capital", $"must be from {MinCapital.ToString(CultureInfo.InvariantCulture)} to {MaxAmount.ToString("N0", CultureInfo.InvariantCulture)} {shareClass.Name()} (got {capital.ToString(CultureInfo.InvariantCulture)})");
        }

        var shocks = (request.Stress ?? []).Select(ParseShock).ToList();
        var flows = CheckFlows(resolved, request, capital);
        IStrategy strategy;
        try
        {
            strategy = StrategyCatalog.Create(resolved.Settings);
        }
        catch (StrategySetupException e)
        {
            throw new BacktestRequestException("config_overrides", e.Message);
        }

        var spec = new BacktestSpec(runId, resolved.Settings, resolved.Venues, request.StartUtc, request.EndUtc, capital, resolved.ConfigHash, Data.Description, flows, shocks.Select(s => s.Describe()).ToList(), request.Overrides ?? []);
        return new PreparedBacktest(resolved, spec, strategy, DataPlan.Requests(resolved.Settings, strategy), shocks);
    }

    /// <summary>
    /// The run's market data with its shocks applied, built once per distinct (period, series, shocks) among the
    /// last few asked for: a sweep's runs over one period share it, and a run's segments reuse it.
    /// </summary>
    public Task<MarketData> MarketAsync(PreparedBacktest prepared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var key = MarketKey(prepared);
        Lazy<Task<MarketData>> market;
        lock (_markets)
        {
            if (!_markets.TryGetValue(key, out market!))
            {
                market = new Lazy<Task<MarketData>>(() => BuildMarketAsync(prepared, cancellationToken));
                _markets[key] = market;
                _marketOrder.AddFirst(key);
                if (_marketOrder.Count > MarketCacheSize)
                {
                    _markets.Remove(_marketOrder.Last!.Value);
                    _marketOrder.RemoveLast();
                }
            }
        }

        return Awaited(key, market);
    }

    /// <summary>
    /// The market data of an open-ended run, which a live instance's cycles ask for with an end an hour or so later
    /// each time: the last one built for the same start and series is kept and extended by the new hours alone
    /// (<see cref="MarketDataBuilder.ExtendAsync"/>, the same data as a build from the first hour), instead of being
    /// built again from the run's first hour. Kept apart from <see cref="MarketAsync"/>'s cache, so live cycles do not
    /// push the backtests' market data out of it. A stressed run goes through <see cref="MarketAsync"/>.
    /// </summary>
    public async Task<MarketData> GrowingMarketAsync(PreparedBacktest prepared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.Shocks.Count > 0)
        {
            return await MarketAsync(prepared, cancellationToken).ConfigureAwait(false);
        }

        var key = SeriesKey(prepared);
        MarketData? kept;
        lock (_growing)
        {
            kept = _growing.GetValueOrDefault(key);
        }

        var end = prepared.Spec.EndUtc;
        if (kept is not null && kept.Grid.End == end)
        {
            return kept;
        }

        // Built afresh when nothing is kept (the first cycle, a new process) or the run asks for less than is kept.
        var market = kept is not null && kept.Grid.End < end
            ? await MarketDataBuilder.ExtendAsync(kept, end, prepared.Series, Data, cancellationToken).ConfigureAwait(false)
            : await MarketDataBuilder.BuildAsync(prepared.Grid, prepared.Series, Data, cancellationToken).ConfigureAwait(false);
        lock (_growing)
        {
            if (!_growing.TryGetValue(key, out var latest) || latest.Grid.End < end)
            {
                _growing[key] = market;
                _growingOrder.Remove(key);
                _growingOrder.AddFirst(key);
                if (_growingOrder.Count > GrowingMarketCacheSize)
                {
                    _growing.Remove(_growingOrder.Last!.Value);
                    _growingOrder.RemoveLast();
                }
            }
        }

        return market;
    }

    /// <summary>
    /// Keeps a finished run's results in the result store: <c>summary.json</c>, and for a full run the whole result as
    /// a <see cref="ResultFiles.Pack"/>, from which the other files are rendered when first asked for (a sweep's runs
    /// keep their summary only: a thousand runs need their figures, not a thousand reports). The pack is written first,
    /// so a summary is never there without the rest. Returns the run's outcome.
    /// </summary>
    public async Task<BacktestOutcome> KeepAsync(string runId, KeptResults keep, BacktestResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (keep == KeptResults.Full)
        {
            await Results.PutArtefactAsync(runId, ResultFiles.Pack, ResultPack.Pack(result), cancellationToken).ConfigureAwait(false);
        }

        await Results.PutArtefactAsync(runId, ResultFiles.Summary, Encoding.UTF8.GetBytes(ResultArtefacts.SummaryJson(result.Summary) + "\n"), cancellationToken).ConfigureAwait(false);
        return BacktestOutcome.From(result.Summary);
    }

    /// <summary>
    /// An artefact of a kept run, rendering <see cref="ResultFiles.Rendered"/> from the run's pack on first request (all
    /// three at once, then the pack goes: the files are the result from then on). Null when the run has no such file
    /// (a sweep's runs keep their summary only).
    /// </summary>
    public async Task<byte[]?> ArtefactAsync(string runId, string name, CancellationToken cancellationToken = default)
    {
        var stored = await Results.GetArtefactAsync(runId, name, cancellationToken).ConfigureAwait(false);
        if (stored is not null || !ResultFiles.Rendered.Contains(name))
        {
            return stored;
        }

        if (await Results.GetArtefactAsync(runId, ResultFiles.Pack, cancellationToken).ConfigureAwait(false) is not { } pack)
        {
            // Rendered meanwhile by another request (which then removed the pack), or never kept.
            return await Results.GetArtefactAsync(runId, name, cancellationToken).ConfigureAwait(false);
        }

        byte[]? asked = null;
        foreach (var artefact in ResultArtefacts.Render(ResultPack.Unpack(pack)).Where(a => ResultFiles.Rendered.Contains(a.Name)))
        {
            await Results.PutArtefactAsync(runId, artefact.Name, artefact.Content, cancellationToken).ConfigureAwait(false);
            asked = artefact.Name == name ? artefact.Content : asked;
        }

        await Results.DeleteArtefactsAsync(runId, ResultFiles.Pack, cancellationToken).ConfigureAwait(false);
        return asked;
    }

    /// <summary>
    /// The months of data each series a run reads hour by hour spans, through any of its sources: from its first month
    /// to the end of its last, or none when the data holds none of it.
    /// </summary>
    public async Task<IReadOnlyList<SeriesCoverage>> CoverageAsync(PreparedBacktest prepared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var coverage = new List<SeriesCoverage>();
        foreach (var request in prepared.Series.Where(r => !r.OnlyWhileHeld && r.Use != SeriesUse.Distributions))
        {
            var months = new SortedSet<DateTime>();
            foreach (var source in request.Sources)
            {
                months.UnionWith(await Data.MonthsAsync(source, cancellationToken).ConfigureAwait(false));
            }

            coverage.Add(months.Count == 0 ? new SeriesCoverage(request.Id, null, null) : new SeriesCoverage(request.Id, months.Min, months.Max.AddMonths(1)));
        }

        return coverage;
    }

    /// <summary>
    /// Checks, before a run starts, that the data covers it: every series the run reads hour by hour (levels and
    /// events, through one of their sources) has months from the run's first month to its last. Throws
    /// <see cref="BacktestRequestException"/> naming <c>start_date</c> or <c>end_date</c> and the period the data covers.
    /// Distributions (rewards) have months only where something was paid, and a gap inside the period or values too
    /// stale to use are found by the run itself, which names the series and the hours.
    /// </summary>
    public async Task CheckCoverageAsync(PreparedBacktest prepared, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var coverage = await CoverageAsync(prepared, cancellationToken).ConfigureAwait(false);
        if (coverage.FirstOrDefault(c => c.StartUtc is null) is { } missing)
        {
            throw new BacktestRequestException("strategy_name", $"{prepared.Resolved.Mode.Name} reads {missing.Id}, and the data holds none of it (a venue without data can be left out with its allocation at 0)");
        }

        if (coverage.Count == 0)
        {
            return;
        }

        // The series that starts last and the one that ends first bound the period (the first of them on a tie).
        var latest = coverage.MaxBy(c => c.StartUtc)!;
        var earliest = coverage.MinBy(c => c.EndUtc)!;
        var (from, to) = (latest.StartUtc!.Value, earliest.EndUtc!.Value);
        var covered = $"the data {prepared.Resolved.Mode.Name} reads covers {UnixTime.Format(from)} → {UnixTime.Format(to)}";
        if (prepared.Spec.StartUtc < from)
        {
            throw new BacktestRequestException("start_date", $"must be on or after {UnixTime.Format(from)}: {covered} ({latest.Id} starts then)");
        }

        if (prepared.Spec.EndUtc > to)
        {
            throw new BacktestRequestException("end_date", $"must be on or before {UnixTime.Format(to)}: {covered} ({earliest.Id} ends then)");
        }
    }

    /// <summary>The default capital of a share class: 100,000 USDT or 100 ETH.</summary>
    public static double DefaultCapital(ShareClass shareClass) => shareClass == ShareClass.Usdt ? 100_000 : 100;

    private async Task<MarketData> Awaited(string key, Lazy<Task<MarketData>> market)
    {
        try
        {
            return await market.Value.ConfigureAwait(false);
        }
        catch
        {
            // A failed build is not kept: a later attempt builds again.
            lock (_markets)
            {
                if (_markets.TryGetValue(key, out var cached) && ReferenceEquals(cached, market))
                {
                    _markets.Remove(key);
                    _marketOrder.Remove(key);
                }
            }

            throw;
        }
    }

    private async Task<MarketData> BuildMarketAsync(PreparedBacktest prepared, CancellationToken cancellationToken)
    {
        var market = await MarketDataBuilder.BuildAsync(prepared.Grid, prepared.Series, Data, cancellationToken).ConfigureAwait(false);
        return StressScenario.Apply(market, prepared.Shocks);
    }

    private static string MarketKey(PreparedBacktest prepared) => UnixTime.Format(prepared.Spec.EndUtc) + "|" + SeriesKey(prepared);

    /// <summary>What the market data depends on but its end: the first hour, the series and the shocks.</summary>
    private static string SeriesKey(PreparedBacktest prepared)
    {
        var key = new StringBuilder();
        key.Append(UnixTime.Format(prepared.Spec.StartUtc));
        foreach (var request in prepared.Series)
        {
            key.Append('|').Append(request.Id).Append(':').Append(request.Use).Append(':').Append(request.OnlyWhileHeld);
            foreach (var fallback in request.Fallbacks)
            {
                key.Append(',').Append(fallback);
            }
        }

        foreach (var shock in prepared.Shocks)
        {
            key.Append("|shock:").Append(shock.ToArgument());
        }

        return key.ToString();
    }

    private ResolvedMode Resolve(string mode, IReadOnlyList<string> overrides)
    {
        if (string.IsNullOrWhiteSpace(mode))
        {
            throw new BacktestRequestException("strategy_name", "is required");
        }

        var key = string.Join('\n', overrides.Prepend(mode));
        if (_modes.TryGetValue(key, out var cached))
        {
            return cached;
        }

        try
        {
            var resolved = Configuration.ResolveMode(mode, overrides);
            if (_modes.Count >= ModeCacheSize)
            {
                // Crude but bounded: a larger sweep resolves again, which costs a file read and a merge per run.
                _modes.Clear();
            }

            return _modes.GetOrAdd(key, resolved);
        }
        catch (UnknownModeException e)
        {
            throw new BacktestRequestException("strategy_name", e.Message);
        }
        catch (ConfigException e)
        {
            throw new BacktestRequestException("config_overrides", e.Message);
        }
    }

    private static MarketShock ParseShock(string argument)
    {
        try
        {
            return StressBinding.Parse(argument);
        }
        catch (ConfigException e)
        {
            throw new BacktestRequestException("stress", e.Message);
        }
    }

    private static List<CapitalFlow> CheckFlows(ResolvedMode resolved, BacktestRequest request, double capital)
    {
        var flows = (resolved.Settings.CapitalFlows ?? []).Concat(request.Flows ?? []).OrderBy(f => f.TimeUtc).ToList();
        foreach (var flow in flows)
        {
            if (flow.TimeUtc <= request.StartUtc || flow.TimeUtc >= request.EndUtc || !HourGrid.IsWholeUtcHour(flow.TimeUtc))
            {
                throw new BacktestRequestException("capital_flows", $"the flow at {UnixTime.Format(flow.TimeUtc)} must be on a whole hour after start_date and before end_date ({UnixTime.Format(request.StartUtc)} → {UnixTime.Format(request.EndUtc)})");
            }

            if (!(Math.Abs(flow.Amount) <= MaxAmount) || flow.Amount == 0)
            {
                throw new BacktestRequestException("capital_flows", $"the flow at {UnixTime.Format(flow.TimeUtc)} must be a non-zero amount from -{MaxAmount.ToString("N0", CultureInfo.InvariantCulture)} to {MaxAmount.ToString("N0", CultureInfo.InvariantCulture)} (got {flow.Amount.ToString(CultureInfo.InvariantCulture)})");
            }
        }

        // Known before the run: more withdrawn than was ever paid in (the equity made by then is checked as it runs).
        if (CapitalFlow.Overdraft(capital, flows, resolved.Settings.ShareClass.Name()) is { } overdraft)
        {
            throw new BacktestRequestException("capital_flows", overdraft);
        }

        return flows;
    }
}
