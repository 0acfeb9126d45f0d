using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Basis.Testing;

/// <summary>Running the helper programs the service fixtures need, and waiting for a port.</summary>
public static class ServiceProcess
{
    /// <summary>Runs a program to completion; throws with its output when it fails or outlives <paramref name="timeout"/>.</summary>
    public static async Task<string> RunAsync(string fileName, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(fileName) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout.TotalSeconds:F0} s");
        }

        var text = await output.ConfigureAwait(false) + await error.ConfigureAwait(false);
        return process.ExitCode == 0 ? text : throw new InvalidOperationException($"{fileName} {string.Join(' ', start.ArgumentList)} exited {process.ExitCode}: {text}");
    }

    /// <summary>Waits until something accepts connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static async Task WaitForPortAsync(int port, TimeSpan timeout, Func<string> whyNot)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
            catch (SocketException e)
            {
                throw new TimeoutException($"nothing listens on 127.0.0.1:{port} after {timeout.TotalSeconds:F0} s: {whyNot()}", e);
            }
        }
    }

    /// <summary>Collects a long-running process' output lines (the last ones explain a failed start).</summary>
    public static StringBuilder Capture(Process process)
    {
        var lines = new StringBuilder();
        void Append(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is { } line)
            {
                lock (lines)
                {
                    lines.AppendLine(line);
                }
            }
        }

        process.OutputDataReceived += Append;
        process.ErrorDataReceived += Append;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return lines;
    }
}
