using System.Diagnostics;
using Xunit;

namespace Basis.Testing;

/// <summary>
/// Azurite (blob, queue and table services) on 127.0.0.1 and free ports, storing into a temporary folder, with
/// telemetry off (no traffic leaves the machine): market-data blobs, and the Durable Task Framework's Azure Storage
/// provider (queues, tables, blobs). The program is <c>BASIS_AZURITE</c>, or <c>.ci/tools/node_modules/.bin/azurite</c>
/// in the repository (<c>npm ci --prefix .ci/tools</c>). Stopped and deleted on dispose.
/// </summary>
public sealed class AzuriteServer : IAsyncLifetime
{
    // Azurite's published development account (not a secret: the same in every Azurite).
    private const string Account = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private string? _unavailable;
    private string? _folder;
    private Process? _process;
    private int _blobPort;
    private int _queuePort;
    private int _tablePort;

    /// <summary>A storage connection string for the three services (skips or fails the test when Azurite is unavailable).</summary>
    public string ConnectionString
    {
        get
        {
            if (_unavailable is { } reason)
            {
                ServiceRequirement.Unavailable(reason);
            }

            return $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};" +
                $"BlobEndpoint=http://127.0.0.1:{_blobPort}/{Account};QueueEndpoint=http://127.0.0.1:{_queuePort}/{Account};TableEndpoint=http://127.0.0.1:{_tablePort}/{Account};";
        }
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var program = Environment.GetEnvironmentVariable("BASIS_AZURITE") is { Length: > 0 } configured ? configured : Bundled();
        if (program is null || !File.Exists(program))
        {
            _unavailable = $"azurite not found ({program ?? ".ci/tools/node_modules/.bin/azurite: no Basis.sln above the test folder"}); run 'npm ci --prefix .ci/tools' or set BASIS_AZURITE";
            return;
        }

        _folder = Directory.CreateTempSubdirectory("basis-azurite-").FullName;
        _blobPort = ServiceRequirement.FreeLoopbackPort();
        _queuePort = ServiceRequirement.FreeLoopbackPort();
        _tablePort = ServiceRequirement.FreeLoopbackPort();
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string Port(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var argument in (string[])[
            "--blobHost", "127.0.0.1", "--blobPort", Port(_blobPort), "--queueHost", "127.0.0.1", "--queuePort", Port(_queuePort),
            "--tableHost", "127.0.0.1", "--tablePort", Port(_tablePort), "--location", _folder, "--silent", "--skipApiVersionCheck", "--disableTelemetry"])
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
            var output = ServiceProcess.Capture(_process);
            foreach (var port in (int[])[_blobPort, _queuePort, _tablePort])
            {
                await ServiceProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(30), () => _process.HasExited ? $"it exited {_process.ExitCode}: {output}" : output.ToString()).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or System.ComponentModel.Win32Exception)
        {
            _unavailable = $"Azurite ({program}) could not be started: {e.Message}";
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().ConfigureAwait(false);
            }

            _process.Dispose();
        }

        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static string? Bundled()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Basis.sln")))
            {
                return Path.Combine(dir.FullName, ".ci", "tools", "node_modules", ".bin", "azurite");
            }
        }

        return null;
    }
}
