using System.Security.Cryptography;
using System.Text;
using Basis.Data.Results;
using Basis.Data.Stores;
using Basis.Orchestrations.Abstractions;
using Basis.Orchestrations.Backtests;
using Basis.Orchestrations.Sweeps;

namespace Basis.Server.Http;

/// <summary>
/// <c>/api/v1/backtests</c> and <c>/api/v1/sweeps</c> (DESIGN §8): submit (202 + status URLs), status, result,
/// artefacts, terminate, list. Both kinds run as orchestrations and are kept in the result store.
/// </summary>
internal static class RunEndpoints
{
    private const int DefaultListLimit = 100;

    public static void MapRunEndpoints(this IEndpointRouteBuilder api)
    {
        var backtests = api.MapGroup("/v1/backtests").WithTags("backtests");
        MapKind(backtests, new RunKind("backtest", "bt", BacktestOrchestrator.Name, ResultFiles.Summary, "application/json", (json, workspace) => (ApiRequests.ReadBacktest(json, workspace, out var errors), errors)));
        MapArtefact(backtests, "timeseries", ResultFiles.Timeseries, "text/csv");
        MapArtefact(backtests, "events", ResultFiles.Events, "application/x-ndjson");
        MapArtefact(backtests, "report", ResultFiles.Report, "text/html");

        var sweeps = api.MapGroup("/v1/sweeps").WithTags("sweeps");
        MapKind(sweeps, new RunKind("sweep", "sw", SweepOrchestrator.Name, SweepOrchestrator.RankingArtefact, "application/json", (json, workspace) => (ApiRequests.ReadSweep(json, workspace, out var errors), errors)));
    }

    private static void MapKind(RouteGroupBuilder group, RunKind kind)
    {
        group.MapPost("/", async (HttpRequest http, BacktestWorkspace workspace, IOrchestrationClient client, CancellationToken cancellationToken) =>
        {
            using var reader = new StreamReader(http.Body, Encoding.UTF8);
            var json = await reader.ReadToEndAsync(cancellationToken);
            var (request, errors) = kind.Read(json, workspace);
            if (request is null || errors.Count > 0)
            {
                return (IResult)ApiProblems.Invalid(errors);
            }

            var id = NewRunId(kind.IdPrefix);
            var now = DateTimeOffset.UtcNow;
            await workspace.Results.SaveRunAsync(new RunRecord(id, kind.Name, RunStatus.Pending, JsonData.Serialize(request)!, now, now), cancellationToken);
            await client.ScheduleNewOrchestrationInstanceAsync(kind.Orchestrator, request, id, cancellationToken);
            var links = Links(http, id);
            return TypedResults.Accepted(links.StatusQueryGetUri, links);
        })
        .RequireApiKey()
        .WithSummary($"Start a {kind.Name}")
        .Accepts<object>("application/json")
        .Produces<RunLinks>(StatusCodes.Status202Accepted)
        .ProducesValidationProblem();

        group.MapGet("/", async (BacktestWorkspace workspace, int? limit, CancellationToken cancellationToken) =>
        {
            var runs = await workspace.Results.ListRunsAsync(Math.Clamp(limit ?? DefaultListLimit, 1, 10_000), cancellationToken);
            return TypedResults.Ok(runs.Where(r => r.Kind == kind.Name).Select(r => new RunListEntry(r.RunId, r.Status.ToString(), r.CreatedUtc, r.UpdatedUtc, SweepOf(r), r.Error)));
        })
        .WithSummary($"List {kind.Name}s, newest first");

        group.MapGet("/{id}", async (string id, HttpRequest http, BacktestWorkspace workspace, IOrchestrationClient client, CancellationToken cancellationToken) =>
            await StatusAsync(id, kind, http, workspace, client, cancellationToken) is { } status
                ? (IResult)TypedResults.Ok(status)
                : ApiProblems.NotFound(kind.Name, id))
        .WithSummary($"A {kind.Name}'s status: runtimeStatus, progress (customStatus), output or error");

        group.MapGet("/{id}/result", async (string id, HttpRequest http, BacktestWorkspace workspace, IOrchestrationClient client, CancellationToken cancellationToken) =>
        {
            var status = await StatusAsync(id, kind, http, workspace, client, cancellationToken);
            if (status is null)
            {
                return (IResult)ApiProblems.NotFound(kind.Name, id);
            }

            if (status.RuntimeStatus != nameof(RunStatus.Completed))
            {
                return ApiProblems.NotReady(id, status.RuntimeStatus);
            }

            var bytes = await workspace.Results.GetArtefactAsync(id, kind.ResultArtefact, cancellationToken);
            return bytes is null ? ApiProblems.Gone(id, kind.ResultArtefact) : TypedResults.Bytes(bytes, kind.ResultContentType);
        })
        .WithSummary(kind.Name == "backtest" ? "summary.json of a completed backtest" : "The ranking of a completed sweep");

        async Task<IResult> Terminate(string id, IOrchestrationClient client, CancellationToken cancellationToken)
        {
            var instance = await client.GetInstanceAsync(id, cancellationToken);
            if (instance is null)
            {
                return ApiProblems.NotFound(kind.Name, id);
            }

            if (instance.IsCompleted)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: $"'{id}' already finished ({instance.RuntimeStatus}).");
            }

            await client.TerminateInstanceAsync(id, "terminated through the API", cancellationToken);
            return TypedResults.Accepted((string?)null);
        }

        group.MapDelete("/{id}", Terminate).RequireApiKey().WithSummary($"Terminate a running {kind.Name}");
        group.MapPost("/{id}/terminate", Terminate).RequireApiKey().WithSummary($"Terminate a running {kind.Name} (Durable-style terminatePostUri)");
    }

    private static void MapArtefact(RouteGroupBuilder group, string route, string artefact, string contentType) =>
        group.MapGet($"/{{id}}/{route}", async (string id, BacktestWorkspace workspace, CancellationToken cancellationToken) =>
        {
            var record = await workspace.Results.GetRunAsync(id, cancellationToken);
            if (record is null)
            {
                return (IResult)ApiProblems.NotFound("backtest", id);
            }

            if (record.Status != RunStatus.Completed)
            {
                return ApiProblems.NotReady(id, record.Status.ToString());
            }

            var bytes = await workspace.Results.GetArtefactAsync(id, artefact, cancellationToken);
            return bytes is null ? ApiProblems.Gone(id, artefact) : TypedResults.Bytes(bytes, contentType);
        })
        .WithSummary($"{artefact} of a completed backtest");

    private static async Task<RunStatusResponse?> StatusAsync(string id, RunKind kind, HttpRequest http, BacktestWorkspace workspace, IOrchestrationClient client, CancellationToken cancellationToken)
    {
        var resultUri = Links(http, id).ResultUri;
        if (await client.GetInstanceAsync(id, cancellationToken) is { } instance && string.Equals(instance.Name, kind.Orchestrator, StringComparison.OrdinalIgnoreCase))
        {
            return RunStatusResponse.FromOrchestration(instance, kind.Name, resultUri);
        }

        return await workspace.Results.GetRunAsync(id, cancellationToken) is { } record && record.Kind == kind.Name
            ? RunStatusResponse.FromRecord(record, resultUri)
            : null;
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

    /// <summary>A readable, unique id: kind, UTC time, and 48 random bits (<c>bt_20261124T0712_3f9a1c2b7e4d</c>).</summary>
    private static string NewRunId(string prefix) =>
        $"{prefix}_{DateTime.UtcNow:yyyyMMdd'T'HHmmss}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}";

    /// <summary>The sweep a run belongs to, when it is one of a sweep's runs.</summary>
    private static string? SweepOf(RunRecord record)
    {
        try
        {
            return JsonData.Deserialize<BacktestRequest>(record.RequestJson)?.ParentInstanceId;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private sealed record RunKind(string Name, string IdPrefix, string Orchestrator, string ResultArtefact, string ResultContentType, Func<string, BacktestWorkspace, (object? Request, Dictionary<string, List<string>> Errors)> Read);
}

/// <summary>A run in a list: a sweep's runs name their sweep.</summary>
internal sealed record RunListEntry(string Id, string Status, DateTimeOffset Created, DateTimeOffset Updated, string? Sweep, string? Error);

/// <summary>Where to follow a submitted run (Durable Functions' names).</summary>
internal sealed record RunLinks(string Id, string StatusQueryGetUri, string TerminatePostUri, string ResultUri);
