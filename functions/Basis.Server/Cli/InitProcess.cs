using System.Runtime.InteropServices;

namespace Basis.Server.Cli;

/// <summary>
/// Signals the container's PID 1 (its init, or <c>basis serve</c> itself): plain Docker never restarts an unhealthy
/// container, but it does restart one whose main process exits, under the container's restart policy.
/// </summary>
internal static partial class InitProcess
{
    private const int SigTerm = 15;

    /// <summary>Sends SIGTERM to PID 1 (a graceful stop); null when sent, else why not.</summary>
    public static string? Terminate() => Signal(1, SigTerm);

    /// <summary>kill(2): null when sent, else the reason (signal 0 only checks that the process exists).</summary>
    public static string? Signal(int pid, int signal)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "signals are sent on Linux only";
        }

        return Kill(pid, signal) == 0 ? null : $"kill({pid}) failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}";
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
