using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Basis.Operations.Tests.Support;
using Basis.Testing;

namespace Basis.Operations.Tests.Platform;

/// <summary>
/// The Release <c>basis</c> platform.sh runs, built once per test run (<c>BASIS_SERVER_BIN</c> in the runner's
/// environment names one instead). platform.sh would build it too, but inside its 60 s start-up wait's budget.
/// </summary>
internal static class ServerBuild
{
    private static readonly Lazy<Task<string>> Binary = new(BuildAsync);

    public static Task<string> PathAsync() => Binary.Value;

    private static async Task<string> BuildAsync()
    {
        if (Environment.GetEnvironmentVariable("BASIS_SERVER_BIN") is { Length: > 0 } given)
        {
            return given;
        }

        // The runner's MSBuild variables (dotnet test sets some) would point a nested build at the wrong SDK parts.
        var result = await PlatformRun.IsolatedAsync(
            "dotnet",
            ["build", "-c", "Release", "functions/Basis.Server", "--nologo", "-v", "quiet"],
            new Dictionary<string, string>(),
            name => name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase),
            TimeSpan.FromMinutes(10));
        result.EnsureSuccess("dotnet build -c Release functions/Basis.Server");
        return Repository.Path("functions", "Basis.Server", "bin", "Release", "net10.0", "basis");
    }
}

/// <summary>
/// One test's platform.sh: its own logs and results folders, a free port, and an environment with nothing from the
/// runner's (no BASIS_*, HEALTH_*, PLATFORM_*), so what the script reads is what the test says. Disposing stops
/// everything (platform.sh stop, then SIGKILL to any process it started that outlived it) even when the test failed.
/// </summary>
internal sealed class PlatformRun : IAsyncDisposable
{
    private readonly DirectoryInfo _temp = Directory.CreateTempSubdirectory("basis-platform-");
    private readonly HashSet<int> _seen = [];

    private PlatformRun(string serverBinary, IReadOnlyDictionary<string, string> settings)
    {
        Port = ServiceRequirement.FreeLoopbackPort();
        Environment = new Dictionary<string, string>
        {
            ["BASIS_SERVER_BIN"] = serverBinary,
            ["BASIS_LOGS_DIR"] = Logs,
            ["BASIS_RESULTS_DIR"] = System.IO.Path.Combine(_temp.FullName, "results"),
            ["BASIS_API_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings)
        {
            Environment[key] = value;
        }

        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int Port { get; }

    public Dictionary<string, string> Environment { get; }

    public string Logs => System.IO.Path.Combine(_temp.FullName, "logs");

    public HttpClient Http { get; }

    public string BackendPidFile => System.IO.Path.Combine(Logs, "backend.pid");

    public string MonitorPidFile => System.IO.Path.Combine(Logs, "health_monitor.pid");

    public string MonitorLog => System.IO.Path.Combine(Logs, "health_monitor.log");

    public static async Task<PlatformRun> CreateAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        // The scripts need what Debian's base has; a machine without curl or setsid cannot run them at all.
        foreach (var tool in (string[])["curl", "setsid", "bash"])
        {
            if (!ToolExists(tool))
            {
                ServiceRequirement.Unavailable($"{tool} is not installed");
            }
        }

        return new PlatformRun(await ServerBuild.PathAsync(), settings ?? new Dictionary<string, string>());
    }

    /// <summary>./platform.sh with <paramref name="arguments"/>, as an operator in the repository root runs it.</summary>
    public async Task<CommandResult> RunAsync(params string[] arguments)
    {
        var result = await IsolatedAsync(Repository.Path("platform.sh"), arguments, Environment, IsRunnerSetting, TimeSpan.FromMinutes(3));
        Remember();
        return result;
    }

    /// <summary>The PID in a PID file, or null when there is no file.</summary>
    public static int? ReadPid(string file) =>
        File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;

    /// <summary>True while the process runs (a zombie nobody reaped is gone).</summary>
    public static bool IsAlive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>True when something accepts connections on the port.</summary>
    public async Task<bool> ListensAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port, TestContext.Current.CancellationToken);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="explain"/> after <paramref name="patience"/>.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan patience, Func<string> explain)
    {
        var deadline = DateTime.UtcNow + patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"not within {patience.TotalSeconds:F0} s: {explain()}");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>The logs so far, to explain a failure.</summary>
    public string Describe()
    {
        Remember();
        return string.Join('\n', Directory.Exists(Logs)
            ? Directory.GetFiles(Logs, "*.log").Order(StringComparer.Ordinal).Select(f => $"--- {System.IO.Path.GetFileName(f)}\n{File.ReadAllText(f)}")
            : []);
    }

    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="environment"/> and without the runner's variables that
    /// <paramref name="strip"/> picks (env -u: Shell can only add variables).
    /// </summary>
    public static Task<CommandResult> IsolatedAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, Func<string, bool> strip, TimeSpan timeout)
    {
        var unset = System.Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => strip(name) && !environment.ContainsKey(name))
            .Order(StringComparer.Ordinal)
            .SelectMany(name => (string[])["-u", name]);
        return Shell.RunAsync("env", [.. unset, program, .. arguments], environment, timeout: timeout);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunAsync("stop");
        }
        finally
        {
            // Whatever outlived the stop (a failed stop, a monitor's restart racing it) goes the hard way.
            Remember();
            foreach (var pid in _seen.Where(pid => IsAlive(pid) && IsOurs(pid)))
            {
                try
                {
                    using var process = System.Diagnostics.Process.GetProcessById(pid);
                    process.Kill();
                }
                catch (ArgumentException)
                {
                    // Gone in the meantime.
                }
            }

            Http.Dispose();
            _temp.Delete(recursive: true);
        }
    }

    /// <summary>Names from the runner's environment the scripts or the server would read.</summary>
    private static bool IsRunnerSetting(string name) =>
        name.StartsWith("BASIS_", StringComparison.Ordinal)
        || name.StartsWith("HEALTH_", StringComparison.Ordinal)
        || name.StartsWith("PLATFORM_", StringComparison.Ordinal)
        || name == "AzureWebJobsStorage";

    /// <summary>A recorded PID still names the server or the monitor (not a process that reused the number).</summary>
    private static bool IsOurs(int pid)
    {
        try
        {
            var commandLine = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline");
            return commandLine.Contains("basis", StringComparison.Ordinal) || commandLine.Contains("health_monitor", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool ToolExists(string tool) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(System.IO.Path.Combine(dir, tool)));

    /// <summary>Notes the PIDs platform.sh recorded, so cleanup can find them after their files are gone.</summary>
    private void Remember()
    {
        foreach (var file in (string[])[BackendPidFile, MonitorPidFile])
        {
            if (ReadPid(file) is { } pid)
            {
                _seen.Add(pid);
            }
        }
    }
}
