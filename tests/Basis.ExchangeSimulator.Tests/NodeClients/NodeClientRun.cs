using System.Text.Json;
using Basis.Testing;

namespace Basis.ExchangeSimulator.Tests.NodeClients;

/// <summary>
/// One run of a client script from clients/ (an npm exchange client) against a fresh simulator, shared by the
/// assertions on it. Needs node on PATH and the package in .ci/tools/node_modules (<c>npm ci --prefix .ci/tools</c>);
/// without them the tests skip locally and fail in CI.
/// </summary>
public abstract class NodeClientRun(string script, string package) : IAsyncLifetime
{
    private string? _unavailable;
    private SimulatorHost? _simulator;
    private JsonElement _output;

    public SimulatorHost Simulator => Available(_simulator!);

    /// <summary>The script's JSON output.</summary>
    public JsonElement Output => Available(_output);

    public async ValueTask InitializeAsync()
    {
        var node = Node();
        if (node is null)
        {
            _unavailable = "node is not on PATH";
            return;
        }

        if (!File.Exists(Path.Combine(Repository.NodeTools, package, "package.json")))
        {
            _unavailable = $"{package} is not installed in {Repository.NodeTools}; run 'npm ci --prefix .ci/tools'";
            return;
        }

        _simulator = await Simulators.StartAsync();
        var path = Path.Combine(AppContext.BaseDirectory, "clients", script);
        var text = await ServiceProcess.RunAsync(node, [path, Repository.NodeTools, _simulator.BaseUrl, Simulators.Key, Simulators.Secret, Simulators.Passphrase], TimeSpan.FromSeconds(40));
        var json = text.Split('\n').LastOrDefault(l => l.StartsWith('{')) ?? throw new InvalidOperationException($"{script} printed no JSON: {text}");
        _output = JsonDocument.Parse(json).RootElement.Clone();
    }

    /// <summary>node on PATH, or null.</summary>
    internal static string? Node() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "node"))
            .FirstOrDefault(File.Exists);

    public async ValueTask DisposeAsync()
    {
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private T Available<T>(T value)
    {
        if (_unavailable is { } reason)
        {
            ServiceRequirement.Unavailable(reason);
        }

        return value;
    }
}
