using Basis.Api.Http;
using Basis.Api.Runs;

namespace Basis.FunctionApp.Functions;

/// <summary>
/// <c>/api/v1/sweeps</c>, over <see cref="RunHandlers"/> as the server maps them. Anonymous for the reason given on
/// <see cref="BacktestFunctions"/>: the handlers check the API keys.
/// </summary>
public sealed class SweepFunctions(RunHandlers runs)
{
    [Function("SubmitSweep")]
    public Task<IResult> Submit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Sweeps)] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        runs.SubmitAsync(RunKind.Sweep, req, client);

    [Function("ListSweeps")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Sweeps)] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        runs.ListAsync(RunKind.Sweep, req, client);

    [Function("GetSweep")]
    public Task<IResult> Status([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Sweep)] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        runs.StatusAsync(RunKind.Sweep, id, req, client);

    [Function("GetSweepResult")]
    public Task<IResult> Result([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.SweepResult)] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        runs.ResultAsync(RunKind.Sweep, id, req, client);

    [Function("DeleteSweep")]
    public Task<IResult> Delete([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Sweep)] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        runs.TerminateAsync(RunKind.Sweep, id, req, client);

    [Function("TerminateSweep")]
    public Task<IResult> Terminate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.SweepTerminate)] HttpRequest req, [DurableClient] DurableTaskClient client, string id) =>
        runs.TerminateAsync(RunKind.Sweep, id, req, client);
}
