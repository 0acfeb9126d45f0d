using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Basis.Api.Runs;
using Basis.Data.Results;
using Basis.Data.Stores;
using Basis.Orchestrations.Backtests;
using Microsoft.DurableTask.Client;

namespace Basis.Api.Http;

/// <summary>
/// <c>/api/v1/backtests</c> and <c>/api/v1/sweeps</c> (DESIGN §8): submit (202 + status URLs), status, result,
/// artefacts, terminate, list. The self-hosted server maps these methods as minimal-API routes and the Azure Functions
/// app calls them from its HTTP triggers, each with its own <see cref="DurableTaskClient"/>: one copy of every
/// endpoint's logic. Bad input is a 400 problem naming the field, never a 500.
/// </summary>
public sealed class RunHandlers(BacktestWorkspace workspace, ApiAccess access, ApiLimits limits)
{
    /// <summary>Runs listed when the request gives no limit.</summary>
    public const int DefaultListLimit = 100;

    /// <summary>The most runs one list returns.</summary>
    public const int MaxListLimit = 10_000;

    /// <summary>How many runs' charts are kept built: those of the run pages open now.</summary>
    private const int KeptCharts = 16;

    /// <summary>
    /// Charts built, by run, as the JSON they are answered with: a completed run's never changes, and building one reads
    /// its whole timeseries.csv (a year's is 3.8 MB), while its page asks for it on every visit. Each is built once, from
    /// the first status read that finds the run completed (what a client watching the run does as it finishes) or the
    /// first request for it, whichever comes first.
    /// </summary>
    private readonly ConcurrentDictionary<string, Lazy<Task<byte[]?>>> _charts = new(StringComparer.Ordinal);

    /// <summary>POST: checks and starts a backtest or sweep.</summary>
    public async Task<IResult> SubmitAsync(RunKind kind, HttpRequest http, DurableTaskClient engine)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(http);
        if (access.Refuse(http, changes: true) is { } refused)
        {
            return refused;
        }

        var body = await RequestBody.ReadAsync(http, limits.MaxBodyBytes, http.HttpContext.RequestAborted);
        if (body is null)
        {
            return ApiProblems.TooLarge(limits.MaxBodyBytes);
        }

        var runs = new RunService(engine, workspace);
        Dictionary<string, List<string>> errors;
        try
        {
            var start = kind == RunKind.Backtest
                ? ApiRequests.ReadBacktest(body, out errors) is { } backtest ? runs.StartBacktestAsync(backtest, cancellationToken: http.HttpContext.RequestAborted) : null
                : ApiRequests.ReadSweep(body, out errors) is { } sweep ? runs.StartSweepAsync(sweep, http.HttpContext.RequestAborted) : null;
            if (start is null)
            {
                return ApiProblems.Invalid(errors);
            }

            var links = Links(http, await start);
            return TypedResults.Accepted(links.StatusQueryGetUri, links);
        }
        catch (BacktestRequestException e)
        {
            return ApiProblems.Invalid(e.Field, e.Message);
        }
    }

    /// <summary>GET: the runs of a kind, newest first.</summary>
    public async Task<IResult> ListAsync(RunKind kind, HttpRequest http, DurableTaskClient engine)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (access.Refuse(http, changes: false) is { } refused)
        {
            return refused;
        }

        var limit = DefaultListLimit;
        if (http.Query.TryGetValue("limit", out var text) && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxListLimit))
        {
            return ApiProblems.Invalid("limit", $"must be a whole number from 1 to {MaxListLimit.ToString("N0", CultureInfo.InvariantCulture)} (got '{text}')");
        }

        var runs = await new RunService(engine, workspace).ListAsync(kind, limit, http.HttpContext.RequestAborted);
        return TypedResults.Ok(runs.Select(r => new RunListEntry(r.Id, r.Status.ToString(), r.Created, r.Updated, r.SweepId, r.Error)));
    }

    /// <summary>GET: a run's status, progress, output or error.</summary>
    public async Task<IResult> StatusAsync(RunKind kind, string id, HttpRequest http, DurableTaskClient engine)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (access.Refuse(http, changes: false) is { } refused)
        {
            return refused;
        }

        if (await new RunService(engine, workspace).GetAsync(kind, id, http.HttpContext.RequestAborted) is not { } run)
        {
            return ApiProblems.NotFound(kind.Name, id);
        }

        if (kind == RunKind.Backtest && run.Status == RunStatus.Completed && run.SweepId is null)
        {
            // Its page asks for the chart next: built now, in the background, it is ready (or under way) by then.
            _ = ChartJsonAsync(id);
        }

        return TypedResults.Ok(RunStatusResponse.From(run, Links(http, id).ResultUri));
    }

    /// <summary>GET: a completed backtest's <c>summary.json</c>, or a completed sweep's ranking.</summary>
    public Task<IResult> ResultAsync(RunKind kind, string id, HttpRequest http, DurableTaskClient engine) =>
        ArtefactAsync(kind, id, kind.ResultArtefact, "application/json", http, engine);

    /// <summary>GET: one of a completed backtest's files.</summary>
    public async Task<IResult> ArtefactAsync(RunKind kind, string id, string artefact, string contentType, HttpRequest http, DurableTaskClient engine)
    {
        if (await RefuseReadAsync(kind, id, http, engine) is { } refusal)
        {
            return refusal;
        }

        var bytes = await new RunService(engine, workspace).ArtefactAsync(id, artefact, http.HttpContext.RequestAborted);
        return bytes is null ? ApiProblems.Gone(id, artefact) : TypedResults.Bytes(bytes, contentType);
    }

    /// <summary>GET …/chart: a completed backtest's timeseries as the dashboard charts it (<see cref="BacktestChart"/>).</summary>
    public async Task<IResult> ChartAsync(string id, HttpRequest http, DurableTaskClient engine)
    {
        if (await RefuseReadAsync(RunKind.Backtest, id, http, engine) is { } refusal)
        {
            return refusal;
        }

        return await ChartJsonAsync(id) is { } json ? TypedResults.Bytes(json, "application/json") : ApiProblems.Gone(id, ResultFiles.Timeseries);
    }

    /// <summary>A completed backtest's chart as JSON (built once, then kept), or null when it has no timeseries.csv.</summary>
    private Task<byte[]?> ChartJsonAsync(string id)
    {
        if (_charts.TryGetValue(id, out var kept))
        {
            return kept.Value;
        }

        if (_charts.Count >= KeptCharts)
        {
            _charts.Clear();
        }

        // Not the request's cancellation: other requests may wait on the same build.
        var build = _charts.GetOrAdd(id, key => new Lazy<Task<byte[]?>>(() => Task.Run(async () =>
            await workspace.ArtefactAsync(key, ResultFiles.Timeseries, CancellationToken.None) is { } csv
                ? JsonSerializer.SerializeToUtf8Bytes(BacktestChart.FromCsv(csv))
                : null)));
        // A failed build, or a run without a timeseries.csv (yet), is not kept: the next request looks again.
        _ = build.Value.ContinueWith(
            built => (built.Exception is not null || built.Result is null) && _charts.TryRemove(new KeyValuePair<string, Lazy<Task<byte[]?>>>(id, build)),
            CancellationToken.None,
            TaskContinuationOptions.None,
            TaskScheduler.Default);
        return build.Value;
    }

    /// <summary>The problem that answers a read of a run's files instead: no key, no such run, or not completed.</summary>
    private async Task<IResult?> RefuseReadAsync(RunKind kind, string id, HttpRequest http, DurableTaskClient engine)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(http);
        if (access.Refuse(http, changes: false) is { } refused)
        {
            return refused;
        }

        var run = await new RunService(engine, workspace).GetAsync(kind, id, http.HttpContext.RequestAborted);
        if (run is null)
        {
            return ApiProblems.NotFound(kind.Name, id);
        }

        return run.Status == RunStatus.Completed ? null : ApiProblems.NotReady(id, run.Status.ToString());
    }

    /// <summary>DELETE or POST …/terminate: stops a run that has not finished.</summary>
    public async Task<IResult> TerminateAsync(RunKind kind, string id, HttpRequest http, DurableTaskClient engine)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(http);
        if (access.Refuse(http, changes: true) is { } refused)
        {
            return refused;
        }

        var runs = new RunService(engine, workspace);
        return await runs.TerminateAsync(kind, id, "terminated through the API", http.HttpContext.RequestAborted) switch
        {
            TerminateOutcome.Terminated => TypedResults.Accepted((string?)null),
            TerminateOutcome.AlreadyFinished => ApiProblems.AlreadyFinished(id, (await runs.GetAsync(kind, id, http.HttpContext.RequestAborted))?.Status.ToString() ?? "finished"),
            _ => ApiProblems.NotFound(kind.Name, id),
        };
    }

    /// <summary>The run's URLs, under the collection the request came through (e.g. <c>/api/v1/backtests</c>).</summary>
    private static RunLinks Links(HttpRequest http, string id)
    {
        var baseUri = $"{http.Scheme}://{http.Host}{http.PathBase}{CollectionPath(http.Path.Value ?? string.Empty)}/{Uri.EscapeDataString(id)}";
        return new RunLinks(id, baseUri, $"{baseUri}/terminate", $"{baseUri}/result");
    }

    /// <summary>The request's path up to the collection: <c>/api/v1/backtests/bt_1/result</c> → <c>/api/v1/backtests</c>.</summary>
    private static string CollectionPath(string path)
    {
        var version = path.IndexOf("/v1/", StringComparison.Ordinal);
        var next = version < 0 ? -1 : path.IndexOf('/', version + 4);
        return next < 0 ? path.TrimEnd('/') : path[..next];
    }
}

/// <summary>Request limits (<c>BASIS_API_MAX_BODY_BYTES</c>).</summary>
/// <param name="MaxBodyBytes">The largest request body accepted; larger ones are a 413.</param>
public sealed record ApiLimits(long MaxBodyBytes)
{
    /// <summary>1 MiB: a 10,000-run sweep's request is a few kilobytes.</summary>
    public const long DefaultMaxBodyBytes = 1 << 20;
}
