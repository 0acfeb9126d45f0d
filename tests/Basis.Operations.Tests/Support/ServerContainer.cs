using System.Globalization;

namespace Basis.Operations.Tests.Support;

/// <summary>
/// One container of the server image, as compose.yaml runs it: host network on a free loopback port, read-only root
/// filesystem with /tmp on tmpfs, the suite's API key. Removed on dispose.
/// </summary>
internal sealed class ServerContainer : IAsyncDisposable
{
    private ServerContainer(string name, int port)
    {
        Name = name;
        Port = port;
        Http = Api.Client($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
    }

    public string Name { get; }

    public int Port { get; }

    public HttpClient Http { get; }

    public static async Task<ServerContainer> StartAsync(params string[] dockerRunOptions)
    {
        var port = ServerImage.FreePort();
        var name = $"basis-ops-{Guid.NewGuid():N}"[..24];
        List<string> arguments =
        [
            "run", "--detach", "--name", name, "--network", "host", "--read-only", "--tmpfs", "/tmp",
            "--env", $"BASIS_API_PORT={port.ToString(CultureInfo.InvariantCulture)}", "--env", "BASIS_API_BIND=127.0.0.1",
            "--env", $"BASIS_API_KEY_HASHES={Api.KeyHash}",
            .. dockerRunOptions,
            ServerImage.Tag,
        ];
        (await Shell.RunAsync("docker", arguments)).EnsureSuccess("docker run");
        var container = new ServerContainer(name, port);
        try
        {
            await Api.WaitForAsync(container.Http, "health", TimeSpan.FromSeconds(60));
        }
        catch
        {
            var logs = await Shell.RunAsync("docker", ["logs", name]);
            await container.DisposeAsync();
            throw new InvalidOperationException($"the container never answered /health:\n{logs.Output}");
        }

        return container;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Shell.RunAsync("docker", ["rm", "--force", "--volumes", Name]);
    }
}
