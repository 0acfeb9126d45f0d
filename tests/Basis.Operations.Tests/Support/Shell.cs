using System.Diagnostics;
using Basis.Testing;

namespace Basis.Operations.Tests.Support;

/// <summary>What a finished command printed and returned.</summary>
internal sealed record CommandResult(int ExitCode, string Output)
{
    public CommandResult EnsureSuccess(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what} exited {ExitCode}:\n{Output}");
}

/// <summary>Runs the scripts and tools under test as an operator would: a program, its arguments, extra environment.</summary>
internal static class Shell
{
    public static async Task<CommandResult> RunAsync(
        string fileName,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = ServiceProcess.Capture(process);
        var limit = timeout ?? TimeSpan.FromMinutes(5);
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {limit.TotalSeconds:F0} s:\n{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return new CommandResult(process.ExitCode, output.ToString());
        }
    }
}
