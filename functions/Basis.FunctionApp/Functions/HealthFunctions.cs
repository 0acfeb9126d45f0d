using Basis.Api.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Basis.FunctionApp.Functions;

/// <summary>
/// <c>/api/health</c> and <c>/api/health/detailed</c>: on Functions every HTTP trigger lives under the route prefix, so
/// health is not at the root as on the self-hosted server. Anonymous: monitors and load balancers call it without a
/// key on both hosts. The detailed check adds the orchestration back end, reached through this request's Durable client:
/// the host binds that client per invocation instead of registering it, so the handler is made per request, the
/// app's services supplying the rest of what it needs.
/// </summary>
public sealed class HealthFunctions(IServiceProvider services, IEnumerable<HealthComponent> components, HealthHandlers health)
{
    [Function("Health")]
    public IResult Liveness([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest req) =>
        health.Liveness();

    [Function("HealthDetailed")]
    public Task<IResult> Detailed([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.HealthDetailed)] HttpRequest req, [DurableClient] DurableTaskClient client) =>
        ActivatorUtilities.CreateInstance<HealthHandlers>(services, components.Append(OrchestrationHealth.Of(client, $"durable functions, task hub {client.Name}"))).DetailedAsync(req.HttpContext.RequestAborted);
}
