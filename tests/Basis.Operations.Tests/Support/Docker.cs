using System.Globalization;
using Basis.Testing;

namespace Basis.Operations.Tests.Support;

/// <summary>
/// The Docker daemon and the images the suite needs. Where no registry is reachable, .ci/operations builds the base
/// images from Debian packages (infra/docker/local/build-images.sh) and exports their names; without those variables
/// the Dockerfile's and compose.yaml's public defaults are used.
/// </summary>
internal static class Docker
{
    /// <summary>The variables that point the Dockerfile and compose.yaml at other base images.</summary>
    public static readonly string[] ImageVariables = ["DOTNET_SDK_IMAGE", "RUNTIME_DEPS_IMAGE", "POSTGRES_IMAGE", "AZURITE_IMAGE", "CADDY_IMAGE"];

    public static Task<CommandResult> RunAsync(params string[] arguments) => Shell.RunAsync("docker", arguments);

    /// <summary>Skips (fails in CI) unless a Docker daemon answers.</summary>
    public static async Task RequireDaemonAsync()
    {
        CommandResult info;
        try
        {
            info = await RunAsync("info", "--format", "{{.ServerVersion}}");
        }
        catch (System.ComponentModel.Win32Exception)
        {
            ServiceRequirement.Unavailable("the docker client is not installed");
            return;
        }

        if (info.ExitCode != 0)
        {
            ServiceRequirement.Unavailable("no Docker daemon answers (.ci/operations starts one: dockerd --bridge=none --iptables=false)");
        }
    }

    /// <summary>The image variables set in this process, to hand to docker build and docker-compose.</summary>
    public static Dictionary<string, string> ImageSettings() =>
        ImageVariables.Where(v => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(v)))
            .ToDictionary(v => v, v => Environment.GetEnvironmentVariable(v)!);

    /// <summary>A running container's state field (e.g. <c>{{.RestartCount}}</c>).</summary>
    public static async Task<string> InspectAsync(string container, string format) =>
        (await RunAsync("inspect", "--format", format, container)).EnsureSuccess($"docker inspect {container}").Output.Trim();

    /// <summary>The host PID of the container's main process.</summary>
    public static async Task<int> MainPidAsync(string container) =>
        int.Parse(await InspectAsync(container, "{{.State.Pid}}"), CultureInfo.InvariantCulture);
}
