using Basis.Testing;

namespace Basis.Operations.Tests.Support;

/// <summary>
/// The server image, built once for the suite from the real infra/docker/Dockerfile with the repository as context.
/// Building it is itself the first test: a Dockerfile that does not build fails every test that needs it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class NeedsServerImage : ICollectionFixture<ServerImage>
{
    public const string Name = "server image";
}

/// <summary>The image every test of the <see cref="NeedsServerImage"/> runs.</summary>
public sealed class ServerImage : IAsyncLifetime
{
    public const string Tag = "basis-server:ops-test";

    public string BuildOutput { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await Docker.RequireDaemonAsync();
        List<string> arguments = ["build", "--network", "host", "--file", "infra/docker/Dockerfile", "--tag", Tag];
        foreach (var (name, value) in Docker.ImageSettings())
        {
            arguments.AddRange(["--build-arg", $"{name}={value}"]);
        }

        arguments.Add(".");
        BuildOutput = (await Shell.RunAsync("docker", arguments, timeout: TimeSpan.FromMinutes(15))).EnsureSuccess("docker build").Output;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A port for a server, Caddy or database of one test.</summary>
    public static int FreePort() => ServiceRequirement.FreeLoopbackPort();
}
