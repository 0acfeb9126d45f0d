using System.Globalization;
using System.Security.Cryptography;

namespace Basis.Operations.Tests.Support;

/// <summary>
/// The compose stack started the operator's way, <c>deploy.sh local all start</c>, as its own compose project with
/// every port free on loopback and the suite's server image. Taken down with its volumes at the end.
/// </summary>
public sealed class ComposeDeployment : IAsyncLifetime
{
    private readonly Dictionary<string, string> _settings;

    public ComposeDeployment()
    {
        string Port() => ServerImage.FreePort().ToString(CultureInfo.InvariantCulture);
        ApiPort = ServerImage.FreePort();
        HttpPort = ServerImage.FreePort();
        _settings = new Dictionary<string, string>(Docker.ImageSettings())
        {
            ["COMPOSE_PROJECT_NAME"] = $"basis-ops-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}",
            ["BASIS_IMAGE"] = ServerImage.Tag,
            ["POSTGRES_PASSWORD"] = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)),
            ["BASIS_API_KEY_HASHES"] = Api.KeyHash,
            ["BASIS_API_PORT"] = ApiPort.ToString(CultureInfo.InvariantCulture),
            ["HTTP_PORT"] = HttpPort.ToString(CultureInfo.InvariantCulture),
            ["POSTGRES_PORT"] = PostgresPort = Port(),
            ["AZURITE_BLOB_PORT"] = Port(),
            ["AZURITE_QUEUE_PORT"] = Port(),
            ["AZURITE_TABLE_PORT"] = Port(),
            ["CADDY_ADMIN"] = $"127.0.0.1:{Port()}",
            ["HEALTH_CHECK_INTERVAL"] = "2s",
        };
    }

    public int ApiPort { get; }

    public int HttpPort { get; }

    public string PostgresPort { get; }

    /// <summary>What <c>deploy.sh local all start</c> printed.</summary>
    public string StartOutput { get; private set; } = "";

    /// <summary>The stack through Caddy, with the suite's API key.</summary>
    public HttpClient Site { get; private set; } = null!;

    internal Task<CommandResult> DeployAsync(string services, string action) =>
        Shell.RunAsync(Repository.Path("infra", "docker", "deploy.sh"), ["local", services, action], _settings, timeout: TimeSpan.FromMinutes(10));

    internal Task<CommandResult> ComposeAsync(params string[] arguments) =>
        Shell.RunAsync("docker-compose", ["--file", Repository.Path("infra", "docker", "compose.yaml"), .. arguments], _settings);

    public async ValueTask InitializeAsync()
    {
        await Docker.RequireDaemonAsync();
        StartOutput = (await DeployAsync("all", "start")).EnsureSuccess("deploy.sh local all start").Output;
        Site = Api.Client($"http://127.0.0.1:{HttpPort.ToString(CultureInfo.InvariantCulture)}/");
    }

    public async ValueTask DisposeAsync()
    {
        Site?.Dispose();
        await ComposeAsync("down", "--volumes", "--timeout", "5");
    }
}
