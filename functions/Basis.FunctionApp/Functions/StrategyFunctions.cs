using Basis.Api.Http;

namespace Basis.FunctionApp.Functions;

/// <summary>
/// <c>/api/v1/strategies</c>, over <see cref="StrategyHandlers"/>. Anonymous for the reason given on
/// <see cref="BacktestFunctions"/>: reads need a key only when <c>BASIS_API_REQUIRE_KEY_FOR_READS=true</c>, which the
/// handlers check.
/// </summary>
public sealed class StrategyFunctions(StrategyHandlers strategies)
{
    [Function("ListStrategies")]
    public IResult List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Strategies)] HttpRequest req) =>
        strategies.List(req);

    [Function("GetStrategy")]
    public IResult One([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Strategy)] HttpRequest req, string name) =>
        strategies.One(name, req);

    [Function("GetStrategyConfig")]
    public IResult Config([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.StrategyConfig)] HttpRequest req, string name) =>
        strategies.Config(name, req);

    [Function("GetStrategyCoverage")]
    public Task<IResult> Coverage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.StrategyCoverage)] HttpRequest req, string name) =>
        strategies.CoverageAsync(name, req);

    [Function("GetStrategyBenchmark")]
    public Task<IResult> Benchmark([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.StrategyBenchmark)] HttpRequest req, string name) =>
        strategies.BenchmarkAsync(name, req.Query["start"], req.Query["end"], req);
}
