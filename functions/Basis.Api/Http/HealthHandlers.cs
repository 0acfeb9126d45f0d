using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Basis.Api.Http;

/// <summary>
/// One part of the host that <c>/health/detailed</c> checks: configuration, data source, result store, orchestration
/// back end. The check marks each of its <see cref="Readiness"/> checks (<see cref="ReadinessChecks"/>) as it passes
/// it and returns a short description, or throws with what is wrong: the checks left unmarked say how far it got.
/// </summary>
public sealed record HealthComponent(string Name, IReadOnlyList<string> Readiness, Func<HealthReadiness, CancellationToken, Task<string>> CheckAsync)
{
    /// <summary>False for a part the host runs without (reported as <see cref="HealthState.NotConfigured"/>, which fails nothing).</summary>
    public bool IsConfigured { get; init; } = true;

    /// <summary>A part this host is not set up for, with <paramref name="description"/> saying which setting would enable it.</summary>
    public static HealthComponent NotConfigured(string name, string description) =>
        new(name, [], (_, _) => Task.FromResult(description)) { IsConfigured = false };

    /// <summary>
    /// A part opened at start that is healthy when <paramref name="pingAsync"/> succeeds: readiness
    /// <c>initialized</c> and <c>reachable</c>, described as <paramref name="description"/> (no path, host or secret).
    /// </summary>
    public static HealthComponent Reachable(string name, string description, Func<CancellationToken, Task> pingAsync)
    {
        ArgumentNullException.ThrowIfNull(pingAsync);
        return new HealthComponent(name, [ReadinessChecks.Initialized, ReadinessChecks.Reachable], async (readiness, cancellationToken) =>
        {
            readiness.Pass(ReadinessChecks.Initialized);
            await pingAsync(cancellationToken).ConfigureAwait(false);
            readiness.Pass(ReadinessChecks.Reachable);
            return description;
        });
    }
}

/// <summary>
/// A component that answered and found itself unhealthy, saying why in words safe to show without auth (ids and
/// counts; never a path, host or secret): the message is the description, <paramref name="code"/> the error code.
/// </summary>
public sealed class HealthCheckException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>A component's readiness checks during one health check: all false until the check passes them.</summary>
public sealed class HealthReadiness
{
    private readonly Lock _gate = new();
    private readonly OrderedDictionary<string, bool> _checks;

    internal HealthReadiness(IEnumerable<string> names) => _checks = new(names.Select(name => KeyValuePair.Create(name, false)), StringComparer.Ordinal);

    /// <summary>Marks <paramref name="name"/> (one the component declared) as passed.</summary>
    public void Pass(string name)
    {
        lock (_gate)
        {
            if (!_checks.ContainsKey(name))
            {
                throw new ArgumentException($"'{name}' is not one of the component's readiness checks.", nameof(name));
            }

            _checks[name] = true;
        }
    }

    /// <summary>The checks as they stand, with <c>answered_in_time</c> last (a check may still mark after its timeout: this is a copy).</summary>
    internal IReadOnlyDictionary<string, bool> Snapshot(bool answeredInTime)
    {
        lock (_gate)
        {
            var copy = new OrderedDictionary<string, bool>(_checks, StringComparer.Ordinal) { [ReadinessChecks.AnsweredInTime] = answeredInTime };
            return copy;
        }
    }
}

/// <summary>
/// <c>/health</c> (the process and the machine: never calls a component, so it answers in well under 50 ms) and
/// <c>/health/detailed</c> (every component at once, each within a timeout; 503 when one fails). No auth, so the body
/// never carries a path, a host or a connection string: a failing component gives the kind of error it met as
/// <c>error_code</c>, and the server's log has the whole message.
/// </summary>
public sealed partial class HealthHandlers(IEnumerable<HealthComponent> components, HostVitals vitals, ILogger<HealthHandlers> logger)
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>GET /health: 200 when healthy or degraded, 503 when unhealthy (<see cref="HostVitals.StatusOf"/>).</summary>
    public IResult Liveness()
    {
        var report = vitals.Report();
        return report.Status == HealthState.Unhealthy ? TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(report);
    }

    /// <summary>GET /health/detailed: unhealthy (503) when any component fails, else the status of <see cref="Liveness"/>.</summary>
    public async Task<IResult> DetailedAsync(CancellationToken cancellationToken)
    {
        var checks = components.ToList();
        var results = await Task.WhenAll(checks.Select(c => CheckAsync(c, cancellationToken)));
        var byName = new OrderedDictionary<string, ComponentHealth>(StringComparer.Ordinal);
        for (var i = 0; i < checks.Count; i++)
        {
            byName[checks[i].Name] = results[i];
        }

        var failed = results.Count(r => r.Status == HealthState.Unhealthy);
        var live = vitals.Report();
        var status = failed > 0 ? HealthState.Unhealthy : live.Status;
        var summary = new HealthSummary(results.Length, results.Count(r => r.Status == HealthState.Healthy), failed);
        var body = new DetailedHealthReport(status, live.Timestamp, live.Service, live.ExecutionMode, live.UptimeSeconds, live.System, byName, summary);
        return status == HealthState.Unhealthy ? TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(body);
    }

    private async Task<ComponentHealth> CheckAsync(HealthComponent component, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var readiness = new HealthReadiness(component.Readiness);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CheckTimeout);
        try
        {
            var description = await component.CheckAsync(readiness, timeout.Token).WaitAsync(timeout.Token);
            var status = component.IsConfigured ? HealthState.Healthy : HealthState.NotConfigured;
            return new ComponentHealth(status, null, readiness.Snapshot(answeredInTime: true), description, Elapsed(started));
        }
#pragma warning disable CA1031 // A failing component is reported, not thrown: that is what the endpoint is for.
        catch (Exception e)
#pragma warning restore CA1031
        {
            ComponentFailed(logger, component.Name, e);
            var timedOut = e is OperationCanceledException;
            var (code, description) = e switch
            {
                HealthCheckException described => (described.Code, described.Message),
                OperationCanceledException => ("timeout", $"no answer within {CheckTimeout.TotalSeconds:0} s"),
                _ => (Innermost(e).GetType().Name, $"{Innermost(e).GetType().Name} (the server log has the details)"),
            };
            return new ComponentHealth(HealthState.Unhealthy, code, readiness.Snapshot(answeredInTime: !timedOut), description, Elapsed(started));
        }
    }

    private static Exception Innermost(Exception e) => e is AggregateException { InnerExceptions.Count: 1 } aggregate ? Innermost(aggregate.InnerExceptions[0]) : e;

    private static double Elapsed(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 1);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check of {Component} failed")]
    private static partial void ComponentFailed(ILogger logger, string component, Exception error);
}
