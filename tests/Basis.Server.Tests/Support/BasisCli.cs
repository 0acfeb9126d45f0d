using Basis.Server.Cli;
using Spectre.Console;

namespace Basis.Server.Tests.Support;

/// <summary>Runs the command line in-process, capturing what it prints and its exit code.</summary>
internal static class BasisCli
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var code = await new CommandLineApp(new CliOutput(console, error)).RunAsync(args, TestContext.Current.CancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>A backtest on the bundled sample with the repository's configs, writing into <paramref name="outDir"/>.</summary>
    public static Task<CliRun> BacktestAsync(string mode, string outDir, params string[] extra) =>
        RunAsync(["backtest", "--mode", mode, "--start", "2025-01-01", "--end", "2025-04-01", "--configs", Repository.Configs, "--data", Repository.SampleData, "--out", outDir, .. extra]);
}

internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}
