using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Basis.Testing;

/// <summary>
/// A throwaway <c>redis-server</c> (from <c>BASIS_REDIS_SERVER</c>, else PATH; Debian package <c>redis-server</c>)
/// bound to 127.0.0.1 on a free port, persisting nothing, killed on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>Environment variable naming the redis-server binary to use instead of the one on PATH.</summary>
    public const string BinaryVariable = "BASIS_REDIS_SERVER";

    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(15);

    private readonly Process process;
    private readonly StringBuilder output;

    private RedisServer(Process process, StringBuilder output, int port)
    {
        this.process = process;
        this.output = output;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Starts a server and waits until it answers PING; skips (or, in CI, fails) the test when there is no binary.</summary>
    public static async Task<RedisServer> StartAsync(CancellationToken cancellationToken = default)
    {
        string binary = FindBinary();

        // The free port can be taken between the probe and redis binding it: try a few.
        for (int attempt = 1; ; attempt++)
        {
            RedisServer server = Launch(binary, ServiceRequirement.FreeLoopbackPort());
            if (await server.AnswersPingAsync(cancellationToken))
            {
                return server;
            }

            await server.DisposeAsync(); // waits for the process and its output to end, so the log is complete
            string log = server.Log;
            if (attempt == 3 || !log.Contains("Address already in use", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"redis-server ({binary}) did not answer PING within {StartPatience.TotalSeconds} s. Its output:\n{log}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(CancellationToken.None);
        process.Dispose();
    }

    private string Log
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    private static string FindBinary()
    {
        string? configured = Environment.GetEnvironmentVariable(BinaryVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            if (!File.Exists(configured))
            {
                ServiceRequirement.Unavailable($"{BinaryVariable} names {configured}, which does not exist.");
            }

            return configured;
        }

        string? onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "redis-server"))
            .FirstOrDefault(File.Exists);
        if (onPath is null)
        {
            ServiceRequirement.Unavailable($"redis-server is not on PATH (apt-get install redis-server, or set {BinaryVariable}).");
        }

        return onPath;
    }

    private static RedisServer Launch(string binary, int port)
    {
        var start = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // No config file: loopback only, nothing written to disk (no RDB snapshots, no AOF).
        foreach (string argument in new[] { "--bind", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--daemonize", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, line) =>
        {
            lock (output)
            {
                output.AppendLine(line.Data);
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new RedisServer(process, output, port);
    }

    private async Task<bool> AnswersPingAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < StartPatience && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                NetworkStream stream = client.GetStream();
                await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellationToken);
                if ((await ReadUntilAsync(stream, "\r\n", cancellationToken)).StartsWith("+PONG", StringComparison.Ordinal))
                {
                    // If another server took the port first, ours exited and that one answered: make sure it is ours.
                    await stream.WriteAsync("INFO server\r\n"u8.ToArray(), cancellationToken);
                    string info = await ReadUntilAsync(stream, "\r\nprocess_supervised:", cancellationToken);
                    return info.Contains($"\r\nprocess_id:{process.Id.ToString(CultureInfo.InvariantCulture)}\r\n", StringComparison.Ordinal);
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            catch (IOException)
            {
                // Accepted, then closed while starting up.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }

        return false;
    }

    /// <summary>Reads the reply until it contains <paramref name="marker"/> or the server closes the connection.</summary>
    private static async Task<string> ReadUntilAsync(NetworkStream stream, string marker, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        byte[] buffer = new byte[4096];
        int read;
        while (!text.ToString().Contains(marker, StringComparison.Ordinal) && (read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
        {
            text.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}
