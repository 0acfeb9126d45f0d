using System.Diagnostics;
using System.Globalization;
using Basis.Server.Cli;
using Basis.Server.Tests.Support;
using Basis.Testing;
using Spectre.Console;

namespace Basis.Server.Tests.Cli;

/// <summary>
/// <c>basis health</c> against a running server (exit 0, one line), against a closed port (exit 1, "refused"), and the
/// port taken from BASIS_API_PORT as <c>basis serve</c> takes it; a success ends a failure streak.
/// </summary>
public sealed class HealthCommandTests : HostedTest
{
    private string HealthUrl => new Uri(Host.Http.BaseAddress!, "/health").AbsoluteUri;

    [Fact]
    public async Task A_running_server_is_healthy_in_one_line()
    {
        var run = await BasisCli.RunAsync("health", "--url", HealthUrl);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Matches(@"^(healthy|degraded) \(\d+ ms\)\r?\n$", run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public async Task A_closed_port_is_unhealthy_saying_the_connection_was_refused()
    {
        var port = ServiceRequirement.FreeLoopbackPort();

        var run = await BasisCli.RunAsync("health", "--url", $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/health", "--timeout", "2");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("connection refused", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
        Assert.DoesNotContain(" at ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_url_the_binary_checks_the_port_the_settings_name()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Temp.Path };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "basis.dll"));
        start.ArgumentList.Add("health");
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("BASIS_", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["BASIS_CONFIG_DIR"] = Repository.Configs;
        start.Environment["BASIS_API_PORT"] = Host.Http.BaseAddress!.Port.ToString(CultureInfo.InvariantCulture);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, $"{await output}\n{await error}");
        Assert.StartsWith("healthy (", await output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_success_ends_the_failure_streak()
    {
        var streak = new HealthStreak(Temp.Combine("streak"));
        streak.RecordFailure();
        streak.RecordFailure();

        var code = await HealthCommandRun.RunAsync(new HealthCheck(new Uri(HealthUrl), TimeSpan.FromSeconds(3), 3, InContainer: true, streak), () => throw new InvalidOperationException("must not signal"));

        Assert.Equal(0, code.ExitCode);
        Assert.Equal(0, streak.Failures);
    }
}

/// <summary>
/// <c>--restart-after</c> without a signal sent: the streak counts failures in a row, and at its limit the container's
/// PID 1 is signalled once (only inside a container) and the count starts again.
/// </summary>
public sealed class HealthRestartTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Inside_a_container_the_nth_failure_in_a_row_signals_pid_1_once_and_starts_the_count_again()
    {
        var streak = new HealthStreak(_temp.Combine("streak"));
        var signals = 0;
        var check = new HealthCheck(ClosedPort(), TimeSpan.FromSeconds(2), 3, InContainer: true, streak);

        var runs = new List<CliRun>();
        for (var i = 0; i < 4; i++)
        {
            runs.Add(await HealthCommandRun.RunAsync(check, () => { signals++; return null; }));
            Assert.Equal(i == 2 ? 1 : (i < 2 ? 0 : 1), signals);
        }

        Assert.All(runs, run => Assert.Equal(1, run.ExitCode));
        Assert.Contains("1 of 3 failures in a row", runs[0].Output, StringComparison.Ordinal);
        Assert.Contains("sent SIGTERM to PID 1", runs[2].Output, StringComparison.Ordinal);
        Assert.Contains("1 of 3 failures in a row", runs[3].Output, StringComparison.Ordinal);
        Assert.Equal(1, streak.Failures);
    }

    [Fact]
    public async Task A_streak_left_at_the_limit_by_checks_docker_cut_short_restarts_before_probing()
    {
        var streak = new HealthStreak(_temp.Combine("streak"));
        for (var i = 0; i < 3; i++)
        {
            streak.RecordFailure();
        }

        var signals = 0;
        var run = await HealthCommandRun.RunAsync(new HealthCheck(ClosedPort(), TimeSpan.FromSeconds(2), 3, InContainer: true, streak), () => { signals++; return null; });

        Assert.Equal((1, 1), (run.ExitCode, signals));
        Assert.Contains("3 failures in a row: sent SIGTERM to PID 1", run.Output, StringComparison.Ordinal);
        Assert.Empty(run.Error);
        Assert.Equal(0, streak.Failures);
    }

    [Fact]
    public async Task Outside_a_container_the_restart_is_ignored_and_says_so()
    {
        var check = new HealthCheck(ClosedPort(), TimeSpan.FromSeconds(2), 1, InContainer: false, new HealthStreak(_temp.Combine("streak")));

        var run = await HealthCommandRun.RunAsync(check, () => throw new InvalidOperationException("must not signal"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("ignored outside a container", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signal_that_cannot_be_sent_is_reported()
    {
        var check = new HealthCheck(ClosedPort(), TimeSpan.FromSeconds(2), 1, InContainer: true, new HealthStreak(_temp.Combine("streak")));

        var run = await HealthCommandRun.RunAsync(check, () => "kill(1) failed: Operation not permitted");

        Assert.Contains("could not stop the container: kill(1) failed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_streak_file_counts_and_resets_and_a_missing_or_garbled_one_is_no_streak()
    {
        var streak = new HealthStreak(_temp.Combine("streak"));

        Assert.Equal(0, streak.Failures);
        Assert.Equal((1, 2), (streak.RecordFailure(), streak.RecordFailure()));
        streak.Reset();
        Assert.Equal(0, streak.Failures);
        File.WriteAllText(streak.Path, "garbage");
        Assert.Equal(1, streak.RecordFailure());
        Assert.NotEqual(HealthStreak.For(new Uri("http://127.0.0.1:1/health")).Path, HealthStreak.For(new Uri("http://127.0.0.1:2/health")).Path);
    }

    [Fact]
    public void The_libc_binding_reaches_kill()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "kill(2) is sent on Linux only");

        // Signal 0 checks that the process exists and sends nothing.
        Assert.Null(InitProcess.Signal(Environment.ProcessId, 0));
    }

    private static Uri ClosedPort() => new($"http://127.0.0.1:{ServiceRequirement.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture)}/health");
}

/// <summary>Runs <see cref="HealthCommand.RunAsync"/> with a stand-in for the signal, capturing what it prints.</summary>
internal static class HealthCommandRun
{
    public static async Task<CliRun> RunAsync(HealthCheck check, Func<string?> terminateInit)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, Interactive = InteractionSupport.No });
        var code = await HealthCommand.RunAsync(new CliOutput(console, error), check, terminateInit, TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
