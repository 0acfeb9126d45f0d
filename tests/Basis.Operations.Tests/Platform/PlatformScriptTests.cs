using System.Text.Json;
using Basis.Operations.Tests.Support;

namespace Basis.Operations.Tests.Platform;

/// <summary>
/// platform.sh as an operator uses it, against the real Release server: backtest starts it detached and waits for
/// /health, status reports it, a second start is refused, stop leaves nothing listening and may be repeated, restart
/// comes back the way it started, start says the web UI is missing, logs prints the server's output.
/// </summary>
public sealed class PlatformScriptTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Backtest_runs_a_healthy_backtest_server_until_stop_even_when_the_environment_says_live()
    {
        // The process environment is the top layer: only platform.sh's own override can turn this into a backtest
        // server (live would also run the live timers).
        await using var platform = await PlatformRun.CreateAsync(new Dictionary<string, string> { ["BASIS_EXECUTION_MODE"] = "live" });

        var started = await platform.RunAsync("backtest");
        Assert.True(started.ExitCode == 0, started.Output + platform.Describe());
        Assert.Contains($"http://127.0.0.1:{platform.Port}/openapi/v1.json", started.Output, StringComparison.Ordinal);
        var backend = PlatformRun.ReadPid(platform.BackendPidFile) ?? throw new InvalidOperationException("no backend.pid" + platform.Describe());
        var monitor = PlatformRun.ReadPid(platform.MonitorPidFile) ?? throw new InvalidOperationException("no health_monitor.pid" + platform.Describe());
        Assert.Equal("backtest", (await File.ReadAllTextAsync(Path.Combine(platform.Logs, "platform.mode"), Token)).Trim());

        var status = await platform.RunAsync("status");
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains($"backend:  running (pid {backend}), health: ", status.Output, StringComparison.Ordinal);
        Assert.Contains("healthy", status.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"monitor:  running (pid {monitor})", status.Output, StringComparison.Ordinal);

        using var health = await platform.Http.GetAsync(new Uri("/health", UriKind.Relative), Token);
        Assert.Equal(200, (int)health.StatusCode);
        using var body = JsonDocument.Parse(await health.Content.ReadAsStringAsync(Token));
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("backtest", body.RootElement.GetProperty("execution_mode").GetString());

        // A second start would fight the first for the port and the PID files.
        var again = await platform.RunAsync("backtest");
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains($"already running (pid {backend})", again.Output, StringComparison.Ordinal);
        Assert.Equal(backend, PlatformRun.ReadPid(platform.BackendPidFile));

        var stopped = await platform.RunAsync("stop");
        Assert.True(stopped.ExitCode == 0, stopped.Output);
        Assert.False(await platform.ListensAsync(), "something still listens after stop");
        Assert.False(PlatformRun.IsAlive(backend), "the server outlived stop");
        Assert.False(PlatformRun.IsAlive(monitor), "the monitor outlived stop");
        Assert.False(File.Exists(platform.BackendPidFile));
        Assert.False(File.Exists(platform.MonitorPidFile));

        // Stopping what is already stopped is not an error: scripts and the monitor call stop blindly.
        var twice = await platform.RunAsync("stop");
        Assert.True(twice.ExitCode == 0, twice.Output);
        Assert.Contains("backend: not running", twice.Output, StringComparison.Ordinal);

        var after = await platform.RunAsync("status");
        Assert.Equal(3, after.ExitCode);
        Assert.Contains("backend:  stopped", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Settings_come_from_env_unified_then_the_environment_file_then_the_process_environment()
    {
        var configs = Directory.CreateTempSubdirectory("basis-configs-");
        try
        {
            File.Copy(Repository.Path("configs", "env.unified"), Path.Combine(configs.FullName, "env.unified"));

            // The server's env-file syntax (export, spaces around '=', quotes, CRLF) and a value sourcing would run.
            await File.WriteAllTextAsync(
                Path.Combine(configs.FullName, ".env.staging"),
                "export BASIS_API_PORT = \"8123\"\r\nBASIS_DATABASE_CONNECTION=Host=db;Password=a;touch pwned\nHEALTH_CHECK_INTERVAL=2m\nHEALTH_CHECK_ENDPOINT=/health/detailed\n",
                Token);
            await using var platform = await PlatformRun.CreateAsync(new Dictionary<string, string>
            {
                ["BASIS_CONFIG_DIR"] = configs.FullName,
                ["BASIS_ENVIRONMENT"] = "staging",
                ["HEALTH_CHECK_ENDPOINT"] = "/health",
            });
            platform.Environment.Remove("BASIS_API_PORT");

            var status = await platform.RunAsync("status");
            Assert.Equal(3, status.ExitCode);
            Assert.Contains("backend:  stopped (http://127.0.0.1:8123 when started)", status.Output, StringComparison.Ordinal);
            Assert.Contains("monitor:  stopped (http://127.0.0.1:8123/health every 2m when started)", status.Output, StringComparison.Ordinal);
            Assert.False(File.Exists(Repository.Path("pwned")));

            platform.Environment["HEALTH_CHECK_INTERVAL"] = "soon";
            var bad = await platform.RunAsync("status");
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("HEALTH_CHECK_INTERVAL='soon' is not a duration", bad.Output, StringComparison.Ordinal);

            // A setting broken while the services run must not keep an operator from stopping them.
            var stop = await platform.RunAsync("stop");
            Assert.True(stop.ExitCode == 0, stop.Output);
            platform.Environment.Remove("HEALTH_CHECK_INTERVAL");
        }
        finally
        {
            configs.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Restart_starts_the_services_again_in_the_mode_they_were_started_in()
    {
        // With live in the environment, a restart that forgot 'backtest' would come back running the live timers.
        await using var platform = await PlatformRun.CreateAsync(new Dictionary<string, string> { ["BASIS_EXECUTION_MODE"] = "live" });
        var started = await platform.RunAsync("backtest");
        Assert.True(started.ExitCode == 0, started.Output + platform.Describe());
        var before = PlatformRun.ReadPid(platform.BackendPidFile);

        var restarted = await platform.RunAsync("restart");
        Assert.True(restarted.ExitCode == 0, restarted.Output + platform.Describe());
        Assert.Contains("started as: backtest", restarted.Output, StringComparison.Ordinal);
        var after = PlatformRun.ReadPid(platform.BackendPidFile);
        Assert.NotNull(after);
        Assert.NotEqual(before, after);
        Assert.True(PlatformRun.IsAlive(PlatformRun.ReadPid(platform.MonitorPidFile) ?? 0), "restart left no monitor running");
        using var health = await platform.Http.GetAsync(new Uri("/health", UriKind.Relative), Token);
        Assert.Equal(200, (int)health.StatusCode);
    }

    [Fact]
    public async Task Start_serves_the_dashboard_and_the_api_reference_and_logs_backend_prints_what_the_server_printed()
    {
        await using var platform = await PlatformRun.CreateAsync();
        var started = await platform.RunAsync("start");
        Assert.True(started.ExitCode == 0, started.Output + platform.Describe());
        Assert.Contains($"frontend: the dashboard at http://127.0.0.1:{platform.Port}/, the API reference at http://127.0.0.1:{platform.Port}/docs/", started.Output, StringComparison.Ordinal);

        // The dashboard (web/dist, built by .ci/run or by this start) at / and any page path, the API reference at /docs/.
        foreach (var (path, marker) in (ValueTuple<string, string>[])[("/", "<div id=\"root\">"), ("/runs/some-run", "<div id=\"root\">"), ("/docs/", "swagger-ui-bundle.js")])
        {
            using var page = await platform.Http.GetAsync(new Uri(path, UriKind.Relative), Token);
            var html = await page.Content.ReadAsStringAsync(Token);
            Assert.True(page.StatusCode == System.Net.HttpStatusCode.OK && html.Contains(marker, StringComparison.Ordinal), $"{path}: {(int)page.StatusCode} {html}");
        }

        var status = await platform.RunAsync("status");
        Assert.Contains($"served by the backend at http://127.0.0.1:{platform.Port}/", status.Output, StringComparison.Ordinal);

        // Not a terminal, so the last lines rather than a follow that never ends.
        var logs = await platform.RunAsync("logs", "backend");
        Assert.True(logs.ExitCode == 0, logs.Output);
        Assert.Contains($"Basis API on http://127.0.0.1:{platform.Port}", logs.Output, StringComparison.Ordinal);

        var monitor = await platform.RunAsync("logs", "monitor");
        Assert.True(monitor.ExitCode == 0, monitor.Output);
        Assert.Contains($"monitoring http://127.0.0.1:{platform.Port}/health every 30s", monitor.Output, StringComparison.Ordinal);
    }
}
