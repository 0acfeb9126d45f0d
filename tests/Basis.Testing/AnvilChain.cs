using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Basis.Testing;

/// <summary>
/// A local EVM: <c>anvil</c> on 127.0.0.1 and a free port, chain id 31337, its ten deterministic accounts funded
/// with 10 000 ETH each, a block mined per transaction. The program is <c>BASIS_ANVIL</c>, or
/// <c>.ci/tools/node_modules/.bin/anvil</c> in the repository (<c>npm ci --prefix .ci/tools</c>). Tests isolate
/// themselves with <see cref="SnapshotAsync"/>/<see cref="RevertAsync"/> and move time with
/// <see cref="IncreaseTimeAsync"/>. Killed on dispose.
/// </summary>
public sealed class AnvilChain : IAsyncLifetime
{
    /// <summary>Anvil's chain id.</summary>
    public const long ChainId = 31337;

    // Anvil's (and Hardhat's) published development keys from the "test test … junk" mnemonic: not secrets.
    private static readonly string[] DevelopmentKeys =
    [
        "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80",
        "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
        "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
        "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
    ];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private string? _unavailable;
    private Process? _process;
    private string _rpcUrl = "";
    private int _requestId;

    /// <summary>False when anvil could not be started (a fixture built on this chain then skips its own set-up).</summary>
    public bool IsAvailable => _unavailable is null;

    /// <summary>The JSON-RPC endpoint (skips or fails the test when anvil is unavailable).</summary>
    public string RpcUrl => Require()._rpcUrl;

    /// <summary>The private key of funded development account <paramref name="index"/> (0–3), hex with 0x.</summary>
    public string PrivateKey(int index = 0)
    {
        Require();
        return DevelopmentKeys[index];
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var program = Environment.GetEnvironmentVariable("BASIS_ANVIL") is { Length: > 0 } configured ? configured : Bundled();
        if (program is null || !File.Exists(program))
        {
            _unavailable = $"anvil not found ({program ?? ".ci/tools/node_modules/.bin/anvil: no Basis.sln above the test folder"}); run 'npm ci --prefix .ci/tools' or set BASIS_ANVIL";
            return;
        }

        // The free port can be taken between asking and listening; a few tries cover that race.
        for (var attempt = 1; ; attempt++)
        {
            var port = ServiceRequirement.FreeLoopbackPort();
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var argument in (string[])["--host", "127.0.0.1", "--port", port.ToString(CultureInfo.InvariantCulture), "--chain-id", ChainId.ToString(CultureInfo.InvariantCulture), "--silent"])
            {
                start.ArgumentList.Add(argument);
            }

            try
            {
                _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
                var output = ServiceProcess.Capture(_process);
                var process = _process;
                await ServiceProcess.WaitForPortAsync(port, TimeSpan.FromSeconds(30), () => process.HasExited ? $"it exited {process.ExitCode}: {output}" : output.ToString()).ConfigureAwait(false);
                _rpcUrl = $"http://127.0.0.1:{port}";
                var chainId = await CallAsync("eth_chainId").ConfigureAwait(false);
                if (chainId is null || Quantity(chainId) != ChainId)
                {
                    throw new InvalidOperationException($"anvil answered chain id {chainId}, expected {ChainId}");
                }

                return;
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or HttpRequestException or System.ComponentModel.Win32Exception)
            {
                await StopAsync().ConfigureAwait(false);
                if (attempt >= 3)
                {
                    _unavailable = $"anvil ({program}) could not be started: {e.Message}";
                    return;
                }
            }
        }
    }

    /// <summary>Records the chain's state; <see cref="RevertAsync"/> with the returned id restores it (once).</summary>
    public async Task<string> SnapshotAsync(CancellationToken cancellationToken = default) =>
        (await CallAsync("evm_snapshot", [], cancellationToken).ConfigureAwait(false))!.GetValue<string>();

    /// <summary>Restores the state recorded by <see cref="SnapshotAsync"/>; throws when anvil no longer knows the snapshot.</summary>
    public async Task RevertAsync(string snapshotId, CancellationToken cancellationToken = default)
    {
        var reverted = await CallAsync("evm_revert", [snapshotId], cancellationToken).ConfigureAwait(false);
        if (reverted?.GetValue<bool>() != true)
        {
            throw new InvalidOperationException($"anvil did not revert to snapshot {snapshotId}");
        }
    }

    /// <summary>Moves the chain's clock forward and mines a block, so the next block's timestamp includes the jump.</summary>
    public async Task IncreaseTimeAsync(TimeSpan by, CancellationToken cancellationToken = default)
    {
        await CallAsync("evm_increaseTime", [(long)by.TotalSeconds], cancellationToken).ConfigureAwait(false);
        await CallAsync("evm_mine", [], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A raw JSON-RPC call; its result (JSON null for methods without one), or an exception carrying the node's error.</summary>
    public async Task<JsonNode?> CallAsync(string method, JsonArray? parameters = null, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _requestId),
            ["method"] = method,
            ["params"] = parameters ?? [],
        };
        using var response = await _http.PostAsJsonAsync(new Uri(Require()._rpcUrl), request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"anvil answered {method} with an empty body");
        if (body["error"] is { } error)
        {
            throw new InvalidOperationException($"anvil answered {method} with {error.ToJsonString()}");
        }

        return body.TryGetPropertyValue("result", out var result) ? result : throw new InvalidOperationException($"anvil answered {method} without a result: {body.ToJsonString()}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _http.Dispose();
    }

    private static long Quantity(JsonNode hex) =>
        long.Parse(hex.GetValue<string>().AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        _process = null;
    }

    private AnvilChain Require()
    {
        if (_unavailable is { } reason)
        {
            ServiceRequirement.Unavailable(reason);
        }

        return this;
    }

    private static string? Bundled()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Basis.sln")))
            {
                return Path.Combine(dir.FullName, ".ci", "tools", "node_modules", ".bin", "anvil");
            }
        }

        return null;
    }
}
