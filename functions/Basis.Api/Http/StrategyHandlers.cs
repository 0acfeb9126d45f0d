using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Basis.Configuration.Tree;
using Basis.Core.Instruments;
using Basis.Core.Market;
using Basis.Core.Settings;
using Basis.Core.Simulation;
using Basis.Core.Strategies;
using Basis.Core.Time;
using Basis.Orchestrations.Backtests;

namespace Basis.Api.Http;

/// <summary>
/// <c>/api/v1/strategies</c>: the modes, one mode, its merged configuration, its data's coverage and its lending
/// benchmark (both hosts call these).
/// </summary>
public sealed class StrategyHandlers(BacktestWorkspace workspace, ApiAccess access)
{
    /// <summary>GET: every mode.</summary>
    public IResult List(HttpRequest http)
    {
        if (access.Refuse(http, changes: false) is { } refused)
        {
            return refused;
        }

        var list = StrategyCatalog.All.Select(Describe).ToList();
        return TypedResults.Ok(new StrategyListResponse(list, list.Count));
    }

    /// <summary>GET: one mode, by name or alias.</summary>
    public IResult One(string name, HttpRequest http) =>
        access.Refuse(http, changes: false) ?? (Find(name) is { } mode ? TypedResults.Ok(Describe(mode)) : UnknownMode(name));

    /// <summary>GET: a mode's merged, validated configuration (secrets hidden).</summary>
    public IResult Config(string name, HttpRequest http)
    {
        if (RefuseUnlessImplemented(name, http, out var mode) is { } refusal)
        {
            return refusal;
        }

        var resolved = workspace.Configuration.ResolveMode(mode.Name);
        // A key a binding reads twice is listed once.
        var parameters = resolved.Parameters.DistinctBy(p => p.Key).Select(p => new ParameterResponse(p.Key, p.Type, p.Min, p.Max, p.Choices)).ToList();
        return TypedResults.Ok(new StrategyConfigResponse(mode.Name, resolved.ConfigHash, JsonSerializer.SerializeToElement(ToJson(resolved.Merged)), parameters));
    }

    /// <summary>
    /// GET: the period the data covers for a mode, as the backtest request checks it (every series the mode reads hour
    /// by hour, through one of its sources, from its first month to its last), so a client can refuse an impossible
    /// period before it submits. Also the series and the venues they come from.
    /// </summary>
    public async Task<IResult> CoverageAsync(string name, HttpRequest http)
    {
        if (RefuseUnlessImplemented(name, http, out var mode) is { } refusal)
        {
            return refusal;
        }

        // Any valid period will do: the series a mode reads do not depend on it.
        var probe = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var prepared = workspace.Prepare("coverage", new BacktestRequest(mode.Name, probe, probe.AddHours(1)));
        var series = (await workspace.CoverageAsync(prepared, http.HttpContext.RequestAborted).ConfigureAwait(false))
            .Select(c => new SeriesCoverageResponse(c.Id.Value, c.StartUtc is { } from ? UnixTime.Format(from) : null, c.EndUtc is { } to ? UnixTime.Format(to) : null))
            .ToList();

        // The latest first month and the earliest end: a series without data leaves no period at all.
        var complete = series.Count > 0 && series.All(s => s.Start is not null);
        return TypedResults.Ok(new StrategyCoverageResponse(
            mode.Name,
            complete ? series.Max(s => s.Start) : null,
            complete ? series.Min(s => s.End) : null,
            series.Select(s => s.Id.Split('/')[1]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            series));
    }

    /// <summary>
    /// GET: the benchmarks a mode's run is measured against besides holding its share class's asset: lending that asset
    /// (USDT, or WETH for ETH) on AAVE v3, and for an ETH mode also lending USDT (the ETH sold at the first hour, bought
    /// back at each hour's price in the mode's ETH price series). Each is the growth of one unit of the share class's
    /// asset put in at the first hour of <c>[start, end)</c>, hour by hour where the data has it.
    /// </summary>
    public async Task<IResult> BenchmarkAsync(string name, string? start, string? end, HttpRequest http)
    {
        if (access.Refuse(http, changes: false) is { } refused)
        {
            return refused;
        }

        if (Find(name) is not { } mode)
        {
            return UnknownMode(name);
        }

        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var from = WholeHour("start", start, errors);
        var to = WholeHour("end", end, errors);
        if (errors.Count == 0 && to <= from)
        {
            errors["end"] = [$"must be after start ({UnixTime.Format(from)} → {UnixTime.Format(to)})"];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var cancel = http.HttpContext.RequestAborted;
        var usdt = DataPlan.AaveSeries("USDT");
        var benchmarks = new List<LendingBenchmarkResponse>();
        if (mode.ShareClass == ShareClass.Usdt)
        {
            benchmarks.Add(Lending("lending USDT on AAVE v3", usdt, await ReadWhereHeldAsync(usdt, from, to, cancel).ConfigureAwait(false)));
        }
        else
        {
            var weth = DataPlan.AaveSeries("WETH");
            benchmarks.Add(Lending("lending WETH on AAVE v3", weth, await ReadWhereHeldAsync(weth, from, to, cancel).ConfigureAwait(false)));
            if (mode.IsImplemented)
            {
                var price = DataPlan.PriceSeries(workspace.Configuration.ResolveMode(mode.Name).Settings, Asset.Eth);
                benchmarks.Add(LendingSold(
                    $"lending USDT on AAVE v3 (ETH sold, bought back at {price})",
                    usdt,
                    await ReadWhereHeldAsync(usdt, from, to, cancel).ConfigureAwait(false),
                    price,
                    await ReadWhereHeldAsync(price, from, to, cancel).ConfigureAwait(false)));
            }
        }

        return TypedResults.Ok(new StrategyBenchmarkResponse(mode.Name, mode.ShareClass.Name(), benchmarks));
    }

    /// <summary>
    /// The hours of <c>[from, to)</c> a series holds: only the months the data has are read, so an answer covers what
    /// it can and says so by its times (null when it holds none).
    /// </summary>
    private async Task<SeriesData?> ReadWhereHeldAsync(SeriesId series, DateTime from, DateTime to, CancellationToken cancel)
    {
        var months = await workspace.Data.MonthsAsync(series, cancel).ConfigureAwait(false);
        if (months.Count == 0)
        {
            return null;
        }

        var first = new[] { from, months.Min() }.Max();
        var last = new[] { to, months.Max().AddMonths(1) }.Min();
        return first < last ? await workspace.Data.ReadAsync(series, first, last, cancel).ConfigureAwait(false) : null;
    }

    /// <summary>Lending the reserve itself: its supply index over its first value.</summary>
    private static LendingBenchmarkResponse Lending(string label, SeriesId series, SeriesData? reserve)
    {
        if (reserve is null)
        {
            return new LendingBenchmarkResponse(label, series.Value, [], []);
        }

        var index = reserve.Column("liquidity_index").ToArray();
        return new LendingBenchmarkResponse(label, series.Value, reserve.Times.ToArray(), index.Select(i => i / index[0]).ToArray());
    }

    /// <summary>
    /// Lending a reserve bought with the share class's asset at the first hour both series hold, valued back in that
    /// asset at each hour's price: growth × price₀ / priceₜ, on the hours both hold.
    /// </summary>
    private static LendingBenchmarkResponse LendingSold(string label, SeriesId series, SeriesData? reserve, SeriesId price, SeriesData? prices)
    {
        if (reserve is null || prices is null)
        {
            return new LendingBenchmarkResponse(label, series.Value, [], []);
        }

        var priceColumn = prices.Column(DataPlan.PriceColumn(price));
        var priceAt = new Dictionary<long, double>(prices.Count);
        for (var i = 0; i < prices.Count; i++)
        {
            priceAt[prices.Times[i]] = priceColumn[i];
        }

        var index = reserve.Column("liquidity_index");
        var times = new List<long>(reserve.Count);
        var growth = new List<double>(reserve.Count);
        var (firstIndex, firstPrice) = (0.0, 0.0);
        for (var i = 0; i < reserve.Count; i++)
        {
            if (!priceAt.TryGetValue(reserve.Times[i], out var priceNow))
            {
                continue;
            }

            if (times.Count == 0)
            {
                (firstIndex, firstPrice) = (index[i], priceNow);
            }

            times.Add(reserve.Times[i]);
            growth.Add(index[i] / firstIndex * firstPrice / priceNow);
        }

        return new LendingBenchmarkResponse(label, series.Value, times, growth);
    }

    /// <summary>A whole UTC hour from the query (a date is its midnight, a time without a zone UTC), or an error named by the parameter.</summary>
    private static DateTime WholeHour(string field, string? text, Dictionary<string, List<string>> errors)
    {
        if (!DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
        {
            errors[field] = [text is null ? "is required (ISO 8601 UTC, e.g. 2025-01-01T00:00:00Z)" : $"is not a time (got '{ApiProblems.Shown(text)}')"];
            return default;
        }

        if (!HourGrid.IsWholeUtcHour(time))
        {
            errors[field] = [$"must be a whole UTC hour (got {UnixTime.Format(time)})"];
        }

        return time;
    }

    /// <summary>
    /// The answer to a request about a mode that cannot be served (the key refused, the mode unknown or not built yet),
    /// or null with the <paramref name="mode"/> to serve.
    /// </summary>
    private IResult? RefuseUnlessImplemented(string name, HttpRequest http, out StrategyMode mode)
    {
        mode = null!;
        if (access.Refuse(http, changes: false) is { } refused)
        {
            return refused;
        }

        if (Find(name) is not { } found)
        {
            return UnknownMode(name);
        }

        mode = found;
        return found.IsImplemented ? null : NotBuilt(found);
    }

    private static StrategyMode? Find(string name)
    {
        try
        {
            return StrategyCatalog.Resolve(name);
        }
        catch (UnknownModeException)
        {
            return StrategyCatalog.All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static IResult UnknownMode(string name) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No strategy mode '{ApiProblems.Shown(name)}'.", detail: "List them at /api/v1/strategies.");

    private static IResult NotBuilt(StrategyMode mode) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"{mode.Name} is not built yet: it arrives with {mode.PlannedWith}.");

    private StrategyResponse Describe(StrategyMode mode) => new(
        mode.Name,
        mode.Aliases,
        mode.ShareClass.Name(),
        mode.Family?.Name,
        mode.IsImplemented,
        mode.IsImplemented ? workspace.Configuration.ResolveMode(mode.Name).Settings.Description : $"not yet: arrives with {mode.PlannedWith}");

    /// <summary>The configuration tree as JSON: scalars stay the text the file holds, so nothing is reinterpreted.</summary>
    private static JsonNode? ToJson(ConfigNode node) => node switch
    {
        ConfigMapping mapping => new JsonObject(mapping.Entries.Select(e => KeyValuePair.Create(e.Key, ToJson(e.Value)))),
        ConfigSequence sequence => new JsonArray(sequence.Items.Select(ToJson).ToArray()),
        ConfigScalar { IsNull: true } => null,
        ConfigScalar { IsSensitive: true } => JsonValue.Create("(hidden)"),
        ConfigScalar scalar => JsonValue.Create(scalar.Text),
        _ => null,
    };
}
