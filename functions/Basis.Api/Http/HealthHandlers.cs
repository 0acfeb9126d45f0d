using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Basis.Api.Http;

/// <summary>
/// One part of the host that <c>/health/detailed</c> checks: configuration, data source, result store,
/// orchestration cluster, and blob storage or database when configured. The check returns a short description or
/// throws with what is wrong.
/// </summary>
public sealed record HealthComponent(string Name, Func<CancellationToken, Task<string>> CheckAsync);

/// <summary>
/// <c>/health</c> (is the process up) and <c>/health/detailed</c> (every component, 503 when one fails). No auth, so
/// the body never carries a path, a host or a connection string: a failing component says what kind of error it met,
/// and the server's log has the whole message.
/// </summary>
public sealed partial class HealthHandlers(IEnumerable<HealthComponent> components, ILogger<HealthHandlers> logger)
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>GET /health: the process answers.</summary>
    public static IResult Liveness() => TypedResults.Ok(new { status = "Healthy" });

    /// <summary>GET /health/detailed: every component checked at once, each within a timeout.</summary>
    public async Task<IResult> DetailedAsync(CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(components.Select(c => CheckAsync(c, cancellationToken)));
        var healthy = results.All(r => r.Status == "Healthy");
        var body = new { status = healthy ? "Healthy" : "Unhealthy", components = results };
        return healthy ? TypedResults.Ok(body) : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private async Task<ComponentHealth> CheckAsync(HealthComponent component, CancellationToken cancellationToken)
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
            var error = e is OperationCanceledException ? $"no answer within {CheckTimeout.TotalSeconds:0} s" : $"{e.GetType().Name} (the server log has the details)";
            ComponentFailed(logger, component.Name, e);
            return new ComponentHealth(component.Name, "Unhealthy", null, error, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check of {Component} failed")]
    private static partial void ComponentFailed(ILogger logger, string component, Exception error);

    private sealed record ComponentHealth(string Name, string Status, string? Description, string? Error, double ElapsedMs);
}
