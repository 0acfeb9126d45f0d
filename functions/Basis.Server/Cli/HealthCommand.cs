using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text.Json;
using Basis.Api.Hosting;
using Basis.Api.Http;

namespace Basis.Server.Cli;

/// <summary>What one <c>basis health</c> run checks, and what it does after too many failures in a row.</summary>
internal sealed record HealthCheck(Uri Url, TimeSpan Timeout, int? RestartAfter, bool InContainer, HealthStreak Streak);

/// <summary>
/// <c>basis health</c>: GET <c>/health</c> of a running server, for Docker's HEALTHCHECK (the image has no curl). Exit
/// 0 when it answers 200 and is not unhealthy, else 1, each with one line. Reads only the environment settings (for
/// the port and the deployment mode): no YAML, no web host, so it starts in a fraction of a second.
/// </summary>
internal static class HealthCommand
{
    private const double DefaultTimeoutSeconds = 3;

    public static Command Create(CliOutput output)
    {
        var url = new Option<string?>("--url") { Description = $"What to GET (default: http://127.0.0.1:{{BASIS_API_PORT or {HostSettings.DefaultApiPort}}}/health)." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds to wait for the answer.", DefaultValueFactory = _ => DefaultTimeoutSeconds };
        var restartAfter = new Option<int?>("--restart-after")
        {
            Description = "After this many failures in a row, send SIGTERM to PID 1 so the container exits and Docker's restart policy starts it again (BASIS_DEPLOYMENT_MODE=docker only).",
        };
        var command = new Command("health", "Check a running server's /health: exit 0 when healthy or degraded, 1 otherwise (for Docker's HEALTHCHECK).") { url, timeout, restartAfter };
        command.SetAction((parse, cancellationToken) =>
            RunAsync(output, Resolve(parse.GetValue(url), parse.GetValue(timeout), parse.GetValue(restartAfter)), InitProcess.Terminate, cancellationToken));
        return command;
    }

    /// <summary>
    /// Checks once; with <see cref="HealthCheck.RestartAfter"/>, counts failures in a row and, at the limit inside a
    /// container, calls <paramref name="terminateInit"/> (null when the signal went, else why not).
    /// </summary>
    public static async Task<int> RunAsync(CliOutput output, HealthCheck check, Func<string?> terminateInit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(terminateInit);
        var failures = 0;
        if (check.RestartAfter is { } limit)
        {
            // Docker kills a check at its own timeout, so one facing a server that accepts but never answers cannot
            // count itself afterwards: each counts as failed before it probes, and one that finds the limit already
            // reached (by checks cut short) acts before probing.
            if (check.InContainer && check.Streak.Failures >= limit)
            {
                Restart(output, check, check.Streak.Failures, terminateInit);
                return ExitCodes.Failed;
            }

            failures = check.Streak.RecordFailure();
        }

        var failure = await ProbeAsync(output, check, cancellationToken).ConfigureAwait(false);
        if (failure is null)
        {
            if (check.RestartAfter is not null)
            {
                check.Streak.Reset();
            }

            return ExitCodes.Ok;
        }

        await output.Error.WriteLineAsync($"unhealthy: {failure}").ConfigureAwait(false);
        if (check.RestartAfter is { } most)
        {
            if (failures < most)
            {
                output.Line($"{failures} of {most} failures in a row before a restart");
            }
            else if (!check.InContainer)
            {
                output.Line($"{failures} failures in a row: --restart-after is ignored outside a container (BASIS_DEPLOYMENT_MODE is not docker)");
            }
            else
            {
                Restart(output, check, failures, terminateInit);
            }
        }

        return ExitCodes.Failed;
    }

    private static void Restart(CliOutput output, HealthCheck check, int failures, Func<string?> terminateInit)
    {
        // The container's writable layer outlives a restart: a streak left behind would cut the next one short.
        check.Streak.Reset();
        output.Line(terminateInit() is { } why
            ? $"{failures} failures in a row: could not stop the container: {why}"
            : $"{failures} failures in a row: sent SIGTERM to PID 1; the container stops and its restart policy starts it again");
    }

    /// <summary>The check's options: the default URL from the settings (the port as <c>basis serve</c> reads it).</summary>
    private static HealthCheck Resolve(string? url, double timeoutSeconds, int? restartAfter)
    {
        if (timeoutSeconds is not (> 0 and <= 300))
        {
            throw new BadInputException($"--timeout: {timeoutSeconds.ToString(CultureInfo.InvariantCulture)} must be more than 0 and at most 300 seconds");
        }

        if (restartAfter is < 1)
        {
            throw new BadInputException($"--restart-after: {restartAfter} is not a count of at least 1");
        }

        Uri? target = null;
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out target) || target.Scheme is not ("http" or "https")))
        {
            throw new BadInputException($"--url: '{url}' is not an http(s) URL");
        }

        // Only the environment layers (env.unified, .env.*, local.settings.json, the process): no mode is loaded.
        var settings = target is null || restartAfter is not null ? PipelineSettings.Load(CliPaths.Configs(null)) : null;
        target ??= new Uri($"http://127.0.0.1:{HostSettings.From(settings!).ApiPort.ToString(CultureInfo.InvariantCulture)}/{ApiRoutes.Health}");
        return new HealthCheck(target, TimeSpan.FromSeconds(timeoutSeconds), restartAfter, settings?["BASIS_DEPLOYMENT_MODE"] == "docker", HealthStreak.For(target));
    }

    /// <summary>GETs the URL; prints the status and time and returns null when healthy, else returns why not.</summary>
    private static async Task<string?> ProbeAsync(CliOutput output, HealthCheck check, CancellationToken cancellationToken)
    {
        // No proxy: the server checked is this machine's (a container's HTTP_PROXY must not take the probe elsewhere).
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = check.Timeout };
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.GetAsync(check.Url, cancellationToken).ConfigureAwait(false);
            var status = StatusOf(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            var elapsed = $"{Stopwatch.GetElapsedTime(started).TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms";
            if (response.StatusCode == System.Net.HttpStatusCode.OK && status != HealthState.Unhealthy)
            {
                output.Line($"{status ?? "answered"} ({elapsed})");
                return null;
            }

            return $"HTTP {(int)response.StatusCode}{(status is null ? string.Empty : $", status {status}")} ({elapsed})";
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused })
        {
            return $"connection refused ({check.Url.Authority}): is the server running?";
        }
        catch (HttpRequestException e)
        {
            return $"no answer from {check.Url.Authority}: {e.HttpRequestError} ({e.InnerException?.Message ?? e.Message})";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no answer within {check.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s";
        }
    }

    /// <summary>The body's <c>status</c>, lower-case; null when the body is not a JSON object with one.</summary>
    private static string? StatusOf(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("status", out var status) && status.ValueKind == JsonValueKind.String
                ? status.GetString()!.ToLowerInvariant()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
