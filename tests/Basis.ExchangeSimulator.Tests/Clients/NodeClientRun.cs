using System.Text.Json;
using Basis.Testing;

namespace Basis.ExchangeSimulator.Tests.Binance;

/// <summary>
/// One run of clients/binance-ccxt.mjs (ccxt's binanceusdm) against a fresh simulator, shared by the assertions
/// on it. Needs node on PATH and ccxt in .ci/tools/node_modules (<c>npm ci --prefix .ci/tools</c>).
/// </summary>
public sealed class CcxtRun : IAsyncLifetime
{
    private string? _unavailable;
    private SimulatorHost? _simulator;
    private JsonElement _output;

    public SimulatorHost Simulator => Available(_simulator!);

    /// <summary>The script's JSON output.</summary>
    public JsonElement Output => Available(_output);

    public async ValueTask InitializeAsync()
    {
        var node = FindOnPath("node");
        if (node is null)
        {
            _unavailable = "node is not on PATH";
            return;
        }

        if (!File.Exists(Path.Combine(Repository.NodeTools, "ccxt", "package.json")))
        {
            _unavailable = $"ccxt is not installed in {Repository.NodeTools}; run 'npm ci --prefix .ci/tools'";
            return;
        }

        _simulator = await Simulators.StartAsync();
        var script = Path.Combine(AppContext.BaseDirectory, "clients", "binance-ccxt.mjs");
        var text = await ServiceProcess.RunAsync(node, [script, Repository.NodeTools, _simulator.BaseUrl, Simulators.Key, Simulators.Secret], TimeSpan.FromSeconds(40));
        var json = text.Split('\n').LastOrDefault(l => l.StartsWith('{')) ?? throw new InvalidOperationException($"binance-ccxt.mjs printed no JSON: {text}");
        _output = JsonDocument.Parse(json).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }

    private T Available<T>(T value)
    {
        if (_unavailable is { } reason)
        {
            ServiceRequirement.Unavailable(reason);
        }

        return value;
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(File.Exists);
}
