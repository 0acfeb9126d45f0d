using Basis.Api.Live;
using Basis.Api.Runs;
using Basis.Data.Results;
using Basis.Live.Ledger;
using Basis.Orchestrations.Live;
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
    public const string BacktestChart = Backtest + "/chart";
    public const string BacktestTerminate = Backtest + "/terminate";
    public const string Sweeps = "v1/sweeps";
    public const string Sweep = Sweeps + "/{id}";
    public const string SweepResult = Sweep + "/result";
    public const string SweepTerminate = Sweep + "/terminate";
    public const string Strategies = "v1/strategies";
    public const string Strategy = Strategies + "/{name}";
    public const string StrategyConfig = Strategy + "/config";
    public const string StrategyCoverage = Strategy + "/coverage";
    public const string StrategyBenchmark = Strategy + "/benchmark";
    public const string Live = "v1/live";
    public const string LiveInstance = Live + "/{id}";
    public const string LiveStart = LiveInstance + "/start";
    public const string LiveStop = LiveInstance + "/stop";
    public const string LiveEmergencyStop = LiveInstance + "/emergency-stop";
    public const string LivePositions = LiveInstance + "/positions";
    public const string LivePerformance = LiveInstance + "/performance";
    public const string LiveOrders = LiveInstance + "/orders";
    public const string LiveFills = LiveInstance + "/fills";
    public const string LiveChainSteps = LiveInstance + "/chain-steps";
    public const string LiveEvents = LiveInstance + "/events";
    public const string LiveActivity = LiveInstance + "/activity";
    public const string LiveRebalance = LiveInstance + "/rebalance";
    public const string LiveDeposit = LiveInstance + "/deposit";
    public const string LiveWithdraw = LiveInstance + "/withdraw";
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

        api.MapGet(BacktestChart, (string id, HttpRequest http, RunHandlers runs, DurableTaskClient engine) => runs.ChartAsync(id, http, engine))
            .WithTags("backtests").WithSummary("The timeseries of a completed backtest as the dashboard charts it: by column, thinned for drawing (every spike kept), and each month's last hour as it is")
            .Produces<BacktestChartResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).RequiresApiKey(readsNeedKey);

        MapRuns(api, RunKind.Sweep, typeof(SweepRequestBody), readsNeedKey, Sweeps, Sweep, SweepResult, SweepTerminate);

        api.MapGet(Strategies, (HttpRequest http, StrategyHandlers strategies) => strategies.List(http))
            .WithTags("strategies").WithSummary("The strategy modes").Produces<StrategyListResponse>().RequiresApiKey(readsNeedKey);
        api.MapGet(Strategy, (string name, HttpRequest http, StrategyHandlers strategies) => strategies.One(name, http))
            .WithTags("strategies").WithSummary("One strategy mode (by name or alias)").Produces<StrategyResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound).RequiresApiKey(readsNeedKey);
        api.MapGet(StrategyConfig, (string name, HttpRequest http, StrategyHandlers strategies) => strategies.Config(name, http))
            .WithTags("strategies").WithSummary("A mode's merged, validated configuration").Produces<StrategyConfigResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound).RequiresApiKey(readsNeedKey);
        api.MapGet(StrategyCoverage, (string name, HttpRequest http, StrategyHandlers strategies) => strategies.CoverageAsync(name, http))
            .WithTags("strategies").WithSummary("The period the data covers for a mode, its series and their venues").Produces<StrategyCoverageResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound).RequiresApiKey(readsNeedKey);
        api.MapGet(StrategyBenchmark, (string name, string? start, string? end, HttpRequest http, StrategyHandlers strategies) => strategies.BenchmarkAsync(name, start, end, http))
            .WithTags("strategies").WithSummary("Lending the mode's share-class asset on AAVE v3 over [start, end): the growth of one unit, hourly")
            .Produces<StrategyBenchmarkResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).RequiresApiKey(readsNeedKey);

        MapLive(api, readsNeedKey);
    }

    /// <summary>The live routes; each answers 503 when the host has no database (the ledger's).</summary>
    private static void MapLive(RouteGroupBuilder api, bool readsNeedKey)
    {
        Tagged(api.MapPost(Live, (HttpRequest http, LiveHandlers live) => live.CreateAsync(http)), "Create a live instance, paused (paper unless real is asked for and granted)")
            .Accepts<LiveCreateRequestBody>("application/json").Produces<LiveInstanceResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status413PayloadTooLarge).RequiresApiKey();
        Tagged(api.MapGet(Live, (HttpRequest http, LiveHandlers live) => live.ListAsync(http)), "Every live instance with its status and health")
            .Produces<LiveInstanceResponse[]>().RequiresApiKey(readsNeedKey);
        Tagged(api.MapGet(LiveInstance, (string id, HttpRequest http, LiveHandlers live) => live.StatusAsync(id, http)), "An instance: execution, status, health, last heartbeat and cycle, latest breaches")
            .Produces<LiveInstanceResponse>().ProducesProblem(StatusCodes.Status404NotFound).RequiresApiKey(readsNeedKey);
        Tagged(api.MapDelete(LiveInstance, (string id, HttpRequest http, LiveHandlers live) => live.RetireAsync(id, http)), "Retire an instance for good (status stopped; its ledger stays)")
            .Produces<LiveInstanceResponse>().ProducesProblem(StatusCodes.Status404NotFound).RequiresApiKey();
        Tagged(api.MapPost(LiveStart, (string id, HttpRequest http, LiveHandlers live) => live.StartAsync(id, http)), "Start (paused → active; a halted instance needs acknowledge_halt)")
            .Accepts<LiveStartRequestBody>("application/json").Produces<LiveInstanceResponse>()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).RequiresApiKey();
        Tagged(api.MapPost(LiveStop, (string id, HttpRequest http, LiveHandlers live) => live.StopAsync(id, http)), "Stop: active → paused (resumes on start)")
            .Produces<LiveInstanceResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).RequiresApiKey();
        Tagged(api.MapPost(LiveEmergencyStop, (string id, HttpRequest http, LiveHandlers live) => live.EmergencyStopAsync(id, http)), "Halt now, recording a breach; the runtime unwinds the book on its next cycle")
            .Produces<LiveEmergencyStopResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).RequiresApiKey();
        Tagged(api.MapGet(LivePositions, (string id, HttpRequest http, LiveHandlers live) => live.PositionsAsync(id, http)), "Positions rebuilt from the ledger")
            .Produces<LivePositionsResponse>().ProducesProblem(StatusCodes.Status404NotFound).RequiresApiKey(readsNeedKey);
        Tagged(api.MapGet(LivePerformance, (string id, HttpRequest http, LiveHandlers live) => live.PerformanceAsync(id, http)), "Equity series, drawdowns and P&L by source")
            .Produces<LivePerformanceResponse>().ProducesProblem(StatusCodes.Status404NotFound).RequiresApiKey(readsNeedKey);
        MapPage<LiveOrderResponse>(api, LiveOrders, "orders", (id, http, live) => live.OrdersAsync(id, http), readsNeedKey);
        MapPage<LiveFillResponse>(api, LiveFills, "fills", (id, http, live) => live.FillsAsync(id, http), readsNeedKey);
        MapPage<LiveChainStepResponse>(api, LiveChainSteps, "on-chain steps, with their transactions", (id, http, live) => live.ChainStepsAsync(id, http), readsNeedKey);
        MapPage<LiveEventResponse>(api, LiveEvents, "heartbeats, breaches and alerts", (id, http, live) => live.EventsAsync(id, http), readsNeedKey);
        MapPage<LiveActivityResponse>(api, LiveActivity, "engine activity, hour by hour", (id, http, live) => live.ActivityAsync(id, http), readsNeedKey);
        MapRuntime(api, LiveRebalance, "Rebalance now: a cycle over every hour up to now", null, (id, http, live, runtime) => live.RebalanceAsync(id, http, runtime));
        MapRuntime(api, LiveDeposit, "Deposit, applied at the next whole hour", typeof(LiveAmountRequestBody), (id, http, live, runtime) => live.DepositAsync(id, http, runtime));
        MapRuntime(api, LiveWithdraw, "Withdraw at the next whole hour, from idle cash or by unwinding", typeof(LiveAmountRequestBody), (id, http, live, runtime) => live.WithdrawAsync(id, http, runtime));
    }

    private static void MapRuntime(RouteGroupBuilder api, string route, string what, Type? body, Func<string, HttpRequest, LiveHandlers, ILiveRuntime, Task<IResult>> handle)
    {
        var endpoint = Tagged(
                api.MapPost(route, (string id, HttpRequest http, LiveHandlers live, LiveRuntime runtime, DurableTaskClient engine, LiveClock time) =>
                    handle(id, http, live, new DurableLiveRuntime(runtime, engine, time))),
                what)
            .Produces<LiveRuntimeResponse>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .RequiresApiKey();
        if (body is not null)
        {
            endpoint.Accepts(body, "application/json");
        }
    }

    private static void MapPage<T>(RouteGroupBuilder api, string route, string what, Func<string, HttpRequest, LiveHandlers, Task<IResult>> handle, bool readsNeedKey) =>
        Tagged(api.MapGet(route, (string id, HttpRequest http, LiveHandlers live) => handle(id, http, live)), $"An instance's {what}, a page at a time (?limit=1..1000, default 100; ?cursor=next_cursor)")
            .Produces<LivePageResponse<T>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).RequiresApiKey(readsNeedKey)
            .WithQuery(
                new QueryParameter("limit", "Items per page (default 100).", 1, LedgerPageRequest.MaxLimit),
                new QueryParameter("cursor", "The next_cursor of the previous page; the first page without it.", 0));

    /// <summary>What every live route shares in the document: its tag, summary, and the 503 of a host without a database.</summary>
    private static RouteHandlerBuilder Tagged(RouteHandlerBuilder endpoint, string summary) =>
        endpoint.WithTags("live").WithSummary(summary).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static void MapRuns(RouteGroupBuilder api, RunKind kind, Type body, bool readsNeedKey, string collection, string one, string result, string terminate)
    {
        var tag = kind.Name + "s";
        api.MapPost(collection, (HttpRequest http, RunHandlers runs, DurableTaskClient engine) => runs.SubmitAsync(kind, http, engine))
            .WithTags(tag).WithSummary($"Start a {kind.Name}").Accepts(body, "application/json")
            .Produces<RunLinks>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status413PayloadTooLarge).RequiresApiKey();
        api.MapGet(collection, (HttpRequest http, RunHandlers runs, DurableTaskClient engine) => runs.ListAsync(kind, http, engine))
            .WithTags(tag).WithSummary($"List {kind.Name}s, newest first (?limit=1..10000, default 100)")
            .Produces<RunListEntry[]>().ProducesValidationProblem().RequiresApiKey(readsNeedKey)
            .WithQuery(new QueryParameter("limit", "How many, newest first (default 100).", 1, RunHandlers.MaxListLimit));
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
