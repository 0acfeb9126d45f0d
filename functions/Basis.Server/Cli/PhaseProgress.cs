using Spectre.Console;
using System.Diagnostics;

namespace Basis.Server.Cli;

/// <summary>
/// Reports the phases of a long verb: a spinner with elapsed time on an interactive terminal, one line per phase
/// otherwise (CI logs, pipes).
/// </summary>
internal sealed class PhaseProgress(CliOutput output)
{
    public async Task<T> RunAsync<T>(string phase, Func<Task<T>> work)
    {
        var started = Stopwatch.GetTimestamp();
        T result;
        if (output.Console.Profile.Capabilities.Interactive)
        {
            result = await output.Console.Status().StartAsync(phase + "…", _ => work()).ConfigureAwait(false);
        }
        else
        {
            result = await work().ConfigureAwait(false);
        }

        output.Line($"{phase}: done in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms");
        return result;
    }
}
