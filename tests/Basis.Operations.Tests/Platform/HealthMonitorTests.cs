using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Basis.Operations.Tests.Platform;

/// <summary>
/// infra/scripts/health_monitor.sh as platform.sh starts it, checking every second: a server killed with SIGKILL is
/// restarted through platform.sh within the first backoff, by the same monitor; a server that cannot come back (its
/// port taken) costs three attempts, then the monitor says it gives up and exits.
/// </summary>
public sealed partial class HealthMonitorTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_killed_server_is_restarted_by_the_monitor_which_keeps_running()
    {
        // The default backoff (5, 10, 20 s): the first attempt waits 5 s.
        await using var platform = await PlatformRun.CreateAsync(new Dictionary<string, string> { ["HEALTH_CHECK_INTERVAL"] = "1s" });
        var (killed, monitor) = await StartAndKillServerAsync(platform);

        await PlatformRun.WaitUntilAsync(
            async () => PlatformRun.ReadPid(platform.BackendPidFile) is { } pid && pid != killed && await AnswersAsync(platform)
                && (await File.ReadAllTextAsync(platform.MonitorLog, Token)).Contains("recovered", StringComparison.Ordinal),
            TimeSpan.FromSeconds(45),
            platform.Describe);

        var log = await File.ReadAllTextAsync(platform.MonitorLog, Token);
        Assert.Contains("health check failed", log, StringComparison.Ordinal);
        Assert.Contains("restart attempt 1/3 in 5s", log, StringComparison.Ordinal);
        Assert.Contains("restarting: ", log, StringComparison.Ordinal);
        Assert.Contains("recovered after restart attempt 1/3", log, StringComparison.Ordinal);

        // The restart went through platform.sh without stopping the monitor that asked for it.
        Assert.True(PlatformRun.IsAlive(monitor), "the monitor stopped itself");
        Assert.Equal(monitor, PlatformRun.ReadPid(platform.MonitorPidFile));
        Assert.All(log.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Matches(Timestamped(), line));
    }

    [Fact]
    public async Task The_monitor_gives_up_after_three_failed_restarts_and_exits()
    {
        await using var platform = await PlatformRun.CreateAsync(new Dictionary<string, string>
        {
            ["HEALTH_CHECK_INTERVAL"] = "1s",
            ["HEALTH_MONITOR_BACKOFF"] = "1 1 1",
        });

        // The server dies and the test takes its port at once, so every restart finds the port taken (and the probes
        // meet a listener that never answers: the 3 s timeout).
        var (killed, monitor) = await StartAndKillServerAsync(platform);

        await PlatformRun.WaitUntilAsync(() => Task.FromResult(!PlatformRun.IsAlive(killed)), TimeSpan.FromSeconds(10), platform.Describe);

        using var squatter = await TakePortAsync(platform.Port);

        await PlatformRun.WaitUntilAsync(() => Task.FromResult(!PlatformRun.IsAlive(monitor)), TimeSpan.FromSeconds(90), platform.Describe);

        var log = await File.ReadAllTextAsync(platform.MonitorLog, Token);
        Assert.Contains("is already taken by a process platform.sh did not start", log, StringComparison.Ordinal);
        Assert.Contains("restart attempt 3/3 failed", log, StringComparison.Ordinal);
        Assert.Contains("giving up after 3 restart attempts", log, StringComparison.Ordinal);
        Assert.DoesNotContain("recovered", log, StringComparison.Ordinal);
        Assert.False(File.Exists(platform.MonitorPidFile), "the monitor left its PID file");
        var status = await platform.RunAsync("status");
        Assert.Contains("monitor:  stopped", status.Output, StringComparison.Ordinal);
    }

    /// <summary><c>platform.sh backtest</c>, then SIGKILL of its server; the dead server's PID and the monitor's.</summary>
    private static async Task<(int Killed, int Monitor)> StartAndKillServerAsync(PlatformRun platform)
    {
        var started = await platform.RunAsync("backtest");
        Assert.True(started.ExitCode == 0, started.Output + platform.Describe());
        var killed = PlatformRun.ReadPid(platform.BackendPidFile)!.Value;
        var monitor = PlatformRun.ReadPid(platform.MonitorPidFile)!.Value;
        using (var server = System.Diagnostics.Process.GetProcessById(killed))
        {
            server.Kill();
        }

        return (killed, monitor);
    }

    private static async Task<bool> AnswersAsync(PlatformRun platform)
    {
        try
        {
            using var health = await platform.Http.GetAsync(new Uri("/health", UriKind.Relative), Token);
            return health.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>Listens on the port the killed server had, retrying while the kernel still holds it.</summary>
    private static async Task<TcpListener> TakePortAsync(int port)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (true)
        {
            var listener = new TcpListener(IPAddress.Loopback, port);
            try
            {
                listener.Start();
                return listener;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                listener.Dispose();
                await Task.Delay(20, Token);
            }
        }
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z ")]
    private static partial Regex Timestamped();
}
