using Basis.Api.Runs;
using Basis.Data.Results;
using Microsoft.DurableTask.Client;

namespace Basis.Api.Http;

/// <summary>
/// The API's routes, relative to the route prefix (host.json's <c>extensions.http.routePrefix</c>, <c>api</c> by
/// default): constants, because the Azure Functions app's triggers name them in attributes, and
/// <see cref="MapBasisApi"/> for the self-hosted server's minimal APIs. Both call the same handlers.
/// </summary>
public static class ApiRoutes
{
    public const string Backtests = "v1/backtests";
    public const string Backtest = Backtests + "/{id}";
    public const string BacktestResult = Backtest + "/result";
    public const string BacktestTimeseries = Backtest + "/timeseries";
    public const string BacktestEvents = Backtest + "/events";
    public const string BacktestReport = Backtest + "/report";
    public const string BacktestTerminate = Backtest + "/terminate";
    public const string Sweeps = "v1/sweeps";
    public const string Sweep = Sweeps + "/{id}";
    public const string SweepResult = Sweep + "/result";
    public const string SweepTerminate = Sweep + "/terminate";
    public const string Strategies = "v1/strategies";
    public const string Strategy = Strategies + "/{name}";
    public const string StrategyConfig = Strategy + "/config";
    public const string Health = "health";
    public const string HealthDetailed = "health/detailed";

    /// <summary>The files of a completed backtest besides its summary: route, artefact, content type.</summary>
    public static IReadOnlyList<(string Route, string Artefact, string ContentType)> BacktestFiles { get; } =
    [
        (BacktestTimeseries, ResultFiles.Timeseries, "text/csv"),
        (BacktestEvents, ResultFiles.Events, "application/x-ndjson"),
        (BacktestReport, ResultFiles.Report, "text/html"),
    ];

    /// <summary>
    /// Maps every route under <paramref name="routePrefix"/>, health at the root. <paramref name="readsNeedKey"/> marks
    /// reads as needing a key in the OpenAPI document (the handlers enforce it either way).
    /// </summary>
    public static void MapBasisApi(this IEndpointRouteBuilder app, string routePrefix, bool readsNeedKey)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/" + Health, (HealthHandlers health) => health.Liveness())
            .WithTags("health").WithSummary("Liveness: the process and the machine, no component called (503 when unhealthy)")
            .Produces<HealthReport>().Produces<HealthReport>(StatusCodes.Status503ServiceUnavailable);
        app.MapGet("/" + HealthDetailed, (HealthHandlers health, CancellationToken cancellationToken) => health.DetailedAsync(cancellationToken))
            .WithTags("health").WithSummary("Every component: configuration, data source, result store, orchestration back end (503 when one fails)")
            .Produces<DetailedHealthReport>().Produces<DetailedHealthReport>(StatusCodes.Status503ServiceUnavailable);

        var api = app.MapGroup(routePrefix.Length == 0 ? string.Empty : "/" + routePrefix);
        MapRuns(api, RunKind.Backtest, typeof(BacktestRequestBody), readsNeedKey, Backtests, Backtest, BacktestResult, BacktestTerminate);
        foreach (var (route, artefact, contentType) in BacktestFiles)
        {
            api.MapGet(route, (string id, HttpRequest http, RunHandlers runs, DurableTaskClient engine) => runs.ArtefactAsync(RunKind.Backtest, id, artefact, contentType, http, engine))
                .WithTags("backtests").WithSummary($"{artefact} of a completed backtest").Produces(StatusCodes.Status200OK, contentType: contentType)
                .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).RequiresApiKey(readsNeedKey);
        }

        MapRuns(api, RunKind.Sweep, typeof(SweepRequestBody), readsNeedKey, Sweeps, Sweep, SweepResult, SweepTerminate);

        api.MapGet(Strategies, (HttpRequest http, StrategyHandlers strategies) => strategies.List(http))
            .WithTags("strategies").WithSummary("The strategy modes").RequiresApiKey(readsNeedKey);
        api.MapGet(Strategy, (string name, HttpRequest http, StrategyHandlers strategies) => strategies.One(name, http))
            .WithTags("strategies").WithSummary("One strategy mode (by name or alias)").ProducesProblem(StatusCodes.Status404NotFound).RequiresApiKey(readsNeedKey);
        api.MapGet(StrategyConfig, (string name, HttpRequest http, StrategyHandlers strategies) => strategies.Config(name, http))
            .WithTags("strategies").WithSummary("A mode's merged, validated configuration").ProducesProblem(StatusCodes.Status404NotFound).RequiresApiKey(readsNeedKey);
    }

    private static void MapRuns(RouteGroupBuilder api, RunKind kind, Type body, bool readsNeedKey, string collection, string one, string result, string terminate)
    {
        var tag = kind.Name + "s";
        api.MapPost(collection, (HttpRequest http, RunHandlers runs, DurableTaskClient engine) => runs.SubmitAsync(kind, http, engine))
            .WithTags(tag).WithSummary($"Start a {kind.Name}").Accepts(body, "application/json")
            .Produces<RunLinks>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge).RequiresApiKey();
        api.MapGet(collection, (HttpRequest http, RunHandlers runs, DurableTaskClient engine) => runs.ListAsync(kind, http, engine))
            .WithTags(tag).WithSummary($"List {kind.Name}s, newest first (?limit=1..10000, default 100)")
            .Produces<RunListEntry[]>().ProducesValidationProblem().RequiresApiKey(readsNeedKey);
        api.MapGet(one, (string id, HttpRequest http, RunHandlers runs, DurableTaskClient engine) => runs.StatusAsync(kind, id, http, engine))
            .WithTags(tag).WithSummary($"A {kind.Name}'s status: runtimeStatus, progress (customStatus), output or error")
            .Produces<RunStatusResponse>().ProducesProblem(StatusCodes.Status404NotFound).RequiresApiKey(readsNeedKey);
        api.MapGet(result, (string id, HttpRequest http, RunHandlers runs, DurableTaskClient engine) => runs.ResultAsync(kind, id, http, engine))
            .WithTags(tag).WithSummary(kind == RunKind.Backtest ? "summary.json of a completed backtest" : "The ranking of a completed sweep")
            .Produces(StatusCodes.Status200OK, contentType: "application/json").ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).RequiresApiKey(readsNeedKey);
        api.MapDelete(one, (string id, HttpRequest http, RunHandlers runs, DurableTaskClient engine) => runs.TerminateAsync(kind, id, http, engine))
            .WithTags(tag).WithSummary($"Terminate a running {kind.Name}")
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).RequiresApiKey();
        api.MapPost(terminate, (string id, HttpRequest http, RunHandlers runs, DurableTaskClient engine) => runs.TerminateAsync(kind, id, http, engine))
            .WithTags(tag).WithSummary($"Terminate a running {kind.Name} (Durable-style terminatePostUri)")
            .Produces(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).RequiresApiKey();
    }
}
