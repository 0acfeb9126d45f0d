using Basis.Api.Http;
using Basis.Api.Live;
using Basis.Orchestrations.Live;

namespace Basis.FunctionApp.Functions;

/// <summary>
/// <c>/api/v1/live</c>, over <see cref="LiveHandlers"/>, the code the self-hosted server maps. Anonymous for the reason
/// given on <see cref="BacktestFunctions"/>: the handlers check Basis API keys. The routes read and write the ledger in
/// PostgreSQL; rebalance, deposit and withdraw also reach the live runtime, rebalance through a Durable client.
/// </summary>
public sealed class LiveHttpFunctions(LiveHandlers live, LiveRuntime runtime, LiveClock time)
{
    [Function("CreateLiveInstance")]
    public Task<IResult> Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Live)] HttpRequest req) =>
        live.CreateAsync(req);

    [Function("ListLiveInstances")]
    public Task<IResult> List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Live)] HttpRequest req) =>
        live.ListAsync(req);

    [Function("GetLiveInstance")]
    public Task<IResult> Status([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.LiveInstance)] HttpRequest req, string id) =>
        live.StatusAsync(id, req);

    [Function("RetireLiveInstance")]
    public Task<IResult> Retire([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.LiveInstance)] HttpRequest req, string id) =>
        live.RetireAsync(id, req);

    [Function("StartLiveInstance")]
    public Task<IResult> Start([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.LiveStart)] HttpRequest req, string id) =>
        live.StartAsync(id, req);

    [Function("StopLiveInstance")]
    public Task<IResult> Stop([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.LiveStop)] HttpRequest req, string id) =>
        live.StopAsync(id, req);

    [Function("EmergencyStopLiveInstance")]
    public Task<IResult> EmergencyStop([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.LiveEmergencyStop)] HttpRequest req, string id) =>
        live.EmergencyStopAsync(id, req);

    [Function("GetLivePositions")]
    public Task<IResult> Positions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.LivePositions)] HttpRequest req, string id) =>
        live.PositionsAsync(id, req);

    [Function("GetLivePerformance")]
    public Task<IResult> Performance([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.LivePerformance)] HttpRequest req, string id) =>
        live.PerformanceAsync(id, req);

    [Function("ListLiveOrders")]
    public Task<IResult> Orders([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.LiveOrders)] HttpRequest req, string id) =>
        live.OrdersAsync(id, req);

    [Function("ListLiveFills")]
    public Task<IResult> Fills([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.LiveFills)] HttpRequest req, string id) =>
        live.FillsAsync(id, req);

    [Function("ListLiveChainSteps")]
    public Task<IResult> ChainSteps([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.LiveChainSteps)] HttpRequest req, string id) =>
        live.ChainStepsAsync(id, req);

    [Function("ListLiveEvents")]
    public Task<IResult> Events([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.LiveEvents)] HttpRequest req, string id) =>
        live.EventsAsync(id, req);

    [Function("ListLiveActivity")]
    public Task<IResult> Activity([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.LiveActivity)] HttpRequest req, string id) =>
        live.ActivityAsync(id, req);

    [Function("RebalanceLiveInstance")]
    public Task<IResult> Rebalance([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.LiveRebalance)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        live.RebalanceAsync(id, req, Runtime(client));

    [Function("DepositToLiveInstance")]
    public Task<IResult> Deposit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.LiveDeposit)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        live.DepositAsync(id, req, Runtime(client));

    [Function("WithdrawFromLiveInstance")]
    public Task<IResult> Withdraw([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.LiveWithdraw)] HttpRequest req, string id, [DurableClient] DurableTaskClient client) =>
        live.WithdrawAsync(id, req, Runtime(client));

    /// <summary>The runtime over this invocation's Durable client (Functions binds one per call).</summary>
    private DurableLiveRuntime Runtime(DurableTaskClient client) => new(runtime, client, time);
}
