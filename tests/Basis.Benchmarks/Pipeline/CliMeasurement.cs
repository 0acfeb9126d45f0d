using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Basis.Benchmarks.Pipeline;

/// <summary>
/// The command line as a user runs it: <c>basis backtest</c> of the one-year run as a child process, timed from start
/// to exit, each output line time-stamped as it arrives so the process' wall time splits into its phases. One warm-up
/// run (the file cache), then the timed runs. <c>basis --version</c> is the floor: the runtime and the command line
/// starting and stopping with no work.
/// </summary>
internal static partial class CliMeasurement
{
    /// <summary>The repository the benchmark was built in (the build also copies configs/ beside the binaries).</summary>
    private static readonly string Repository = FindRepository();

    public static async Task RunAsync(string basis, PipelineOptions options, string temp)
    {
        Console.WriteLine();
        Console.WriteLine($"## 1. Command line: `basis backtest`, one year, whole process ({options.CliRuns} runs after 1 warm-up)");
        Console.WriteLine();
        Console.WriteLine($"Executable: {basis} (built {File.GetLastWriteTimeUtc(basis):yyyy-MM-dd HH:mm} UTC; `dotnet run -c Release --project tests/Basis.Benchmarks` builds it), run in {Repository}");
        string[] backtest =
        [
            "backtest", "--mode", PipelineBenchmark.Mode, "--start", PipelineBenchmark.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            "--end", PipelineBenchmark.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "--set", PipelineBenchmark.Hedge,
            "--data", BenchmarkData.Canonical, "--out", Path.Combine(temp, "cli"),
        ];
        Console.WriteLine($"Command: basis {string.Join(' ', backtest.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a))}");

        var runs = new List<CliRun>();
        for (var i = 0; i <= options.CliRuns; i++)
        {
            var run = await CliRun.StartAsync(basis, Repository, backtest);
            if (i > 0)
            {
                runs.Add(run);
            }
        }

        var floor = new Sample();
        for (var i = 0; i <= options.CliRuns; i++)
        {
            var run = await CliRun.StartAsync(basis, Repository, ["--version"]);
            if (i > 0)
            {
                floor.Add(run.WallMs);
            }
        }

        var wall = new Sample(runs.Select(r => r.WallMs));
        new ResultTable("Command line: where the process' time goes", "span", "median", "min", "max", "runs")
            .Timing("**whole process: start → exit** (target ≤ 1 s)", wall)
            .Timing("start → first line (runtime, configuration, request checked)", new Sample(runs.Select(r => r.FirstLineMs)))
            .Timing("\"Starting the embedded engine: done in N ms\" (printed)", new Sample(runs.Select(r => r.Reported("Starting the embedded engine"))))
            .Timing("\"Backtest …: done in N ms\" (printed: start → Completed seen, polled every 20 ms)", new Sample(runs.Select(r => r.Reported("Backtest "))))
            .Timing("backtest done → last line (the folder's files rendered, summary printed)", new Sample(runs.Select(r => r.LastLineMs - r.LineMs("Backtest "))))
            .Timing("last line → exit (engine and host stop, process exit)", new Sample(runs.Select(r => r.WallMs - r.LastLineMs)))
            .Timing("floor: `basis --version`, whole process", floor)
            .Print();
        Console.WriteLine($"whole process: {ResultTable.Ratio(wall.Median / 1000)} the 1 s target");
    }

    /// <summary>The <c>basis</c> executable: <paramref name="configured"/>, or the Release build in this repository.</summary>
    public static string Executable(string? configured)
    {
        var name = OperatingSystem.IsWindows() ? "basis.exe" : "basis";
        var path = configured ?? Path.Combine(Repository, "functions", "Basis.Server", "bin", "Release", "net10.0", name);
        return File.Exists(path)
            ? Path.GetFullPath(path)
            : throw new InvalidOperationException($"{path} not found: build it with 'dotnet build -c Release functions/Basis.Server' or pass --basis PATH");
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Basis.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Basis.sln not found above the benchmark assembly.");
    }

    /// <summary>One finished run of the executable: its wall time and when each output line arrived.</summary>
    private sealed partial class CliRun
    {
        private readonly List<(double AtMs, string Text)> _lines = [];

        public double WallMs { get; private set; }

        public double FirstLineMs => _lines[0].AtMs;

        public double LastLineMs => _lines[^1].AtMs;

        public static async Task<CliRun> StartAsync(string executable, string workingDirectory, IEnumerable<string> arguments)
        {
            var start = new ProcessStartInfo(executable) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            var run = new CliRun();
            var errors = new System.Text.StringBuilder();
            var clock = Stopwatch.StartNew();
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, line) =>
            {
                if (line.Data is { } text)
                {
                    lock (run._lines)
                    {
                        run._lines.Add((clock.Elapsed.TotalMilliseconds, text));
                    }
                }
            };
            process.ErrorDataReceived += (_, line) => errors.AppendLine(line.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            await process.WaitForExitAsync();
            run.WallMs = clock.Elapsed.TotalMilliseconds;
            if (process.ExitCode != 0 || run._lines.Count == 0)
            {
                throw new InvalidOperationException($"{executable} {string.Join(' ', arguments)} exited {process.ExitCode}: {string.Join('\n', run._lines.Select(l => l.Text))}{errors}");
            }

            return run;
        }

        /// <summary>The milliseconds a "<paramref name="phase"/>…: done in N ms" line reports.</summary>
        public double Reported(string phase) => double.Parse(Done().Match(Line(phase).Text).Groups["ms"].Value, CultureInfo.InvariantCulture);

        /// <summary>When the line starting with <paramref name="phase"/> arrived.</summary>
        public double LineMs(string phase) => Line(phase).AtMs;

        private (double AtMs, string Text) Line(string phase) =>
            _lines.FirstOrDefault(l => l.Text.StartsWith(phase, StringComparison.Ordinal) && Done().IsMatch(l.Text)) is { Text: not null } line
                ? line
                : throw new InvalidOperationException($"no '{phase}…: done in N ms' line in: {string.Join('\n', _lines.Select(l => l.Text))}");

        [GeneratedRegex(@": done in (?<ms>\d+) ms$")]
        private static partial Regex Done();
    }
}
