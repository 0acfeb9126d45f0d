using Basis.Api.Http;
using Basis.Api.Runs;

namespace Basis.FunctionApp.Functions;

/// <summary>
/// <c>/api/v1/backtests</c>: each trigger hands the request and its Durable client to <see cref="RunHandlers"/>, the
/// code the self-hosted server maps. Authorization level Anonymous on purpose: the handlers check Basis API keys
/// (<c>X-API-Key</c> against <c>BASIS_API_KEY_HASHES</c>) the same way on both hosts; Functions keys would be a
/// second, host-specific lock that the server does not have.
/// </summary>
public sealed class BacktestFunctions(RunHandlers runs)
{
    [Function("SubmitBacktest")]
    public Task<IResult> Submit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Backtests)] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        runs.SubmitAsync(RunKind.Backtest, req, client);

    [Function("ListBacktests")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Backtests)] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        runs.ListAsync(RunKind.Backtest, req, client);

    [Function("GetBacktest")]
    public Task<IResult> Status([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Backtest)] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        runs.StatusAsync(RunKind.Backtest, id, req, client);

    [Function("GetBacktestResult")]
    public Task<IResult> Result([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.BacktestResult)] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        runs.ResultAsync(RunKind.Backtest, id, req, client);

    [Function("GetBacktestTimeseries")]
    public Task<IResult> Timeseries([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.BacktestTimeseries)] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        File(ApiRoutes.BacktestTimeseries, id, req, client);

    [Function("GetBacktestEvents")]
    public Task<IResult> Events([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.BacktestEvents)] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        File(ApiRoutes.BacktestEvents, id, req, client);

    [Function("GetBacktestReport")]
    public Task<IResult> Report([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.BacktestReport)] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        File(ApiRoutes.BacktestReport, id, req, client);

    [Function("GetBacktestChart")]
    public Task<IResult> Chart([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.BacktestChart)] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        runs.ChartAsync(id, req, client);

    [Function("DeleteBacktest")]
    public Task<IResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Backtest)] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        runs.TerminateAsync(RunKind.Backtest, id, req, client);

    [Function("TerminateBacktest")]
    public Task<IResult> Terminate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.BacktestTerminate)] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        runs.TerminateAsync(RunKind.Backtest, id, req, client);

    /// <summary>A result file by its route: the artefact and content type come from <see cref="ApiRoutes.BacktestFiles"/>, as the server maps them.</summary>
    private Task<IResult> File(string route, string id, HttpRequest req, DurableTaskClient client)
    {
        var (_, artefact, contentType) = ApiRoutes.BacktestFiles.Single(file => file.Route == route);
        return runs.ArtefactAsync(RunKind.Backtest, id, artefact, contentType, req, client);
    }
}
