using System.Diagnostics;

namespace Basis.Server.Http;

/// <summary>
/// One part of the host that <c>/health/detailed</c> checks: configuration, data source, result store,
/// orchestration cluster, and blob storage or database when configured. The check returns a short description or
/// throws with what is wrong.
/// </summary>
internal sealed record HealthComponent(string Name, Func<CancellationToken, Task<string>> CheckAsync);

/// <summary><c>/health</c> (is the process up) and <c>/health/detailed</c> (every component, 503 when one fails). No auth.</summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static void MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => TypedResults.Ok(new { status = "Healthy" })).WithTags("health").WithSummary("Liveness");

        app.MapGet("/health/detailed", async (IEnumerable<HealthComponent> components, CancellationToken cancellationToken) =>
        {
            var results = await Task.WhenAll(components.Select(c => CheckAsync(c, cancellationToken)));
            var healthy = results.All(r => r.Status == "Healthy");
            var body = new { status = healthy ? "Healthy" : "Unhealthy", components = results };
            return healthy ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
        })
        .WithTags("health")
        .WithSummary("Every component: config, data source, result store, orchestration cluster, blob, database");
    }

    private static async Task<ComponentHealth> CheckAsync(HealthComponent component, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            var description = await component.CheckAsync(timeout.Token).WaitAsync(timeout.Token);
            return new ComponentHealth(component.Name, "Healthy", description, null, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
#pragma warning disable CA1031 // A failing component is reported, not thrown: that is what the endpoint is for.
        catch (Exception e)
#pragma warning restore CA1031
        {
            var error = e is OperationCanceledException ? $"no answer within {CheckTimeout.TotalSeconds:0} s" : e.Message;
            return new ComponentHealth(component.Name, "Unhealthy", null, error, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private sealed record ComponentHealth(string Name, string Status, string? Description, string? Error, double ElapsedMs);
}
