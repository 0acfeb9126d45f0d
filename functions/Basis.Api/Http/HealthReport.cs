using System.Text.Json.Serialization;

namespace Basis.Api.Http;

/// <summary>The values of a health report's <c>status</c>.</summary>
public static class HealthState
{
    /// <summary>Everything checked is fine.</summary>
    public const string Healthy = "healthy";

    /// <summary>Serving (HTTP 200), but memory or the results disk is above <see cref="HostVitals.DegradedAbovePercent"/>: look before it fails.</summary>
    public const string Degraded = "degraded";

    /// <summary>HTTP 503: memory or the results disk is above <see cref="HostVitals.UnhealthyAbovePercent"/>, or (detailed) a component failed.</summary>
    public const string Unhealthy = "unhealthy";

    /// <summary>(A component) the host runs without this part; it fails nothing and says which setting would enable it.</summary>
    public const string NotConfigured = "not_configured";
}

/// <summary>The names of the readiness checks a component reports, each true once it passed.</summary>
public static class ReadinessChecks
{
    /// <summary>The part was opened when the host started (a host whose parts fail to open does not start).</summary>
    public const string Initialized = "initialized";

    /// <summary>The part answered a real request: the data folder exists, the container exists, the database answered, the task hub answered a read, a probe file was written.</summary>
    public const string Reachable = "reachable";

    /// <summary>Every implemented mode resolves against the loaded configuration.</summary>
    public const string ModesValid = "modes_valid";

    /// <summary>The check finished within the timeout (added to every component).</summary>
    public const string AnsweredInTime = "answered_in_time";
}

/// <summary><c>GET /health</c>: the process, the machine, and the status they imply; no component is called.</summary>
public sealed record HealthReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("timestamp")] DateTime Timestamp,
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("execution_mode")] string ExecutionMode,
    [property: JsonPropertyName("uptime_seconds")] long UptimeSeconds,
    [property: JsonPropertyName("system")] SystemFigures System);

/// <summary><c>GET /health/detailed</c>: <see cref="HealthReport"/>'s fields, every component by name, and the counts.</summary>
public sealed record DetailedHealthReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("timestamp")] DateTime Timestamp,
    [property: JsonPropertyName("service")] string Service,
    [property: JsonPropertyName("execution_mode")] string ExecutionMode,
    [property: JsonPropertyName("uptime_seconds")] long UptimeSeconds,
    [property: JsonPropertyName("system")] SystemFigures System,
    [property: JsonPropertyName("components")] IReadOnlyDictionary<string, ComponentHealth> Components,
    [property: JsonPropertyName("summary")] HealthSummary Summary);

/// <summary>
/// One component's check. <c>error_code</c> is null when healthy, else <c>timeout</c> or the type name of the error
/// (<c>IOException</c>, <c>NpgsqlException</c>…); the description never names a path, host or connection string.
/// </summary>
public sealed record ComponentHealth(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("error_code"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? ErrorCode,
    [property: JsonPropertyName("readiness_checks")] IReadOnlyDictionary<string, bool> ReadinessChecks,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("elapsed_ms")] double ElapsedMs);

/// <summary>How many components were checked, and how many passed and failed (one not configured is neither).</summary>
public sealed record HealthSummary(
    [property: JsonPropertyName("total_components")] int TotalComponents,
    [property: JsonPropertyName("healthy_components")] int HealthyComponents,
    [property: JsonPropertyName("unhealthy_components")] int UnhealthyComponents);
