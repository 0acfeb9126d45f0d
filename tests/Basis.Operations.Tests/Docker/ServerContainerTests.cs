using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Basis.Operations.Tests.Support;

namespace Basis.Operations.Tests.Docker;

/// <summary>The server image on its own: health, a backtest through Caddy, and Docker bringing a dead server back.</summary>
[Collection(NeedsServerImage.Name)]
public sealed partial class ServerContainerTests(ServerImage image)
{
    private const string Mode = "eth_basis";
    private const string Start = "2025-01-01T00:00:00Z";
    private const string End = "2025-04-01T00:00:00Z";

    [Fact]
    public async Task The_image_runs_as_a_non_root_user_with_a_health_check_on_the_server()
    {
        Assert.Contains("Successfully tagged " + ServerImage.Tag, image.BuildOutput, StringComparison.Ordinal);
        Assert.Equal("basis", await Support.Docker.InspectAsync(ServerImage.Tag, "{{.Config.User}}"));
        var check = await Support.Docker.InspectAsync(ServerImage.Tag, "{{json .Config.Healthcheck}}");
        Assert.Contains("\"/app/basis\",\"health\"", check, StringComparison.Ordinal);

        await using var server = await ServerContainer.StartAsync();
        var health = await Api.GetObjectAsync(server.Http, "health");
        Assert.Equal("healthy", health["status"]!.GetValue<string>());
        Assert.Equal("backtest", health["execution_mode"]!.GetValue<string>());
        var detailed = await Api.GetObjectAsync(server.Http, "health/detailed");
        Assert.Equal("healthy", detailed["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_configs_folder_mounted_over_the_baked_one_is_the_one_served()
    {
        var configs = Directory.CreateTempSubdirectory("basis-ops-configs-");
        try
        {
            // Readable by the image's user, as an operator's /etc/basis/configs would be.
            File.SetUnixFileMode(configs.FullName, (UnixFileMode)0b111_101_101);
            foreach (var file in Directory.EnumerateFiles(Repository.Path("configs"), "*", SearchOption.AllDirectories).Where(f => !Path.GetFileName(f).StartsWith(".env", StringComparison.Ordinal)))
            {
                var copy = Path.Combine(configs.FullName, Path.GetRelativePath(Repository.Path("configs"), file));
                Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
                File.Copy(file, copy);
            }

            var mode = Path.Combine(configs.FullName, "modes", "eth_basis.yaml");
            var yaml = await File.ReadAllTextAsync(mode, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(mode, DescriptionLine().Replace(yaml, "description: Mounted by the operator.", 1), TestContext.Current.CancellationToken);

            await using var server = await ServerContainer.StartAsync("--volume", $"{configs.FullName}:/app/configs:ro");

            var strategy = await Api.GetObjectAsync(server.Http, "api/v1/strategies/eth_basis");
            Assert.Equal("Mounted by the operator.", strategy["description"]!.GetValue<string>());
        }
        finally
        {
            configs.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Through_Caddy_a_backtest_has_the_figures_of_the_command_line_in_the_same_image()
    {
        await using var server = await ServerContainer.StartAsync();
        const string password = "operations-password";
        using var caddy = await CaddyProcess.StartAsync(server.Port, new Dictionary<string, string>
        {
            ["BASIC_AUTH"] = "on",
            ["BASIC_AUTH_USER"] = "ops",
            ["BASIC_AUTH_HASH"] = await CaddyProcess.HashPasswordAsync(password),
        });
        using var anonymous = new HttpClient { BaseAddress = new Uri(caddy.BaseAddress) };
        using var client = Api.Client(caddy.BaseAddress);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"ops:{password}")));

        // Health is open to monitors; everything else asks for the basic-auth password first.
        var cancel = TestContext.Current.CancellationToken;
        using (var health = await anonymous.GetAsync("health", cancel))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("nosniff", health.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", health.Headers.GetValues("X-Frame-Options").Single());
            Assert.False(health.Headers.Contains("Server"));
        }

        using (var refused = await anonymous.GetAsync("api/v1/strategies", cancel))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        // The web dashboard, from the image's build: index.html for any client-side route, under a strict content
        // policy, its hashed script cached for a year; the API reference at /docs/.
        string script;
        using (var page = await client.GetAsync("runs/some-run", cancel))
        {
            var html = await page.Content.ReadAsStringAsync(cancel);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<title>Basis</title>", html, StringComparison.Ordinal);
            Assert.Contains("<div id=\"root\">", html, StringComparison.Ordinal);
            Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            script = DashboardScript().Match(html) is { Success: true } found ? found.Groups[1].Value : throw new Xunit.Sdk.XunitException($"no /assets/ script in {html}");
        }

        using (var asset = await client.GetAsync(script.TrimStart('/'), cancel))
        {
            Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
            Assert.Equal("text/javascript", asset.Content.Headers.ContentType?.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", asset.Headers.CacheControl?.ToString());
        }

        using (var docs = await client.GetAsync("docs/", cancel))
        {
            var html = await docs.Content.ReadAsStringAsync(cancel);
            Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
            Assert.Contains("<title>Basis API reference</title>", html, StringComparison.Ordinal);
            Assert.Contains("swagger-ui-bundle.js", html, StringComparison.Ordinal);
        }

        var id = await Api.StartBacktestAsync(client, Mode, Start, End);
        var status = await Api.WaitFinishedAsync(client, "backtests", id, TimeSpan.FromMinutes(2));
        Assert.Equal("Completed", status["runtimeStatus"]!.GetValue<string>());
        var overHttp = await Api.GetObjectAsync(client, $"api/v1/backtests/{id}/result");

        var cli = await RunCommandLineBacktestAsync();
        foreach (var summary in (JsonObject[])[overHttp, cli])
        {
            summary.Remove("run_id");
            summary.Remove("elapsed_ms");
        }

        Assert.True(JsonNode.DeepEquals(cli, overHttp), $"the command line's summary:\n{cli}\ndiffers from the API's:\n{overHttp}");
        Assert.Equal(100000.0, cli["initial_capital"]!.GetValue<double>());
    }

    [Fact]
    public async Task Killing_the_server_process_makes_docker_start_it_again()
    {
        await using var server = await ServerContainer.StartAsync("--restart", "unless-stopped");
        var before = await Support.Docker.MainPidAsync(server.Name);

        (await Shell.RunAsync("kill", ["-KILL", before.ToString(CultureInfo.InvariantCulture)])).EnsureSuccess("kill");

        await WaitUntilAsync(async () => await Support.Docker.InspectAsync(server.Name, "{{.RestartCount}}") != "0", TimeSpan.FromSeconds(60), "docker restarts the container");
        await Api.WaitForAsync(server.Http, "health", TimeSpan.FromSeconds(60));
        Assert.NotEqual(before, await Support.Docker.MainPidAsync(server.Name));
    }

    [Fact]
    public async Task An_unhealthy_server_is_replaced_by_its_health_check_and_the_restart_policy()
    {
        // The results folder on a 1 MiB tmpfs: filling it makes /health report unhealthy (disk above 99 %), the way
        // a real full disk would. The image's health check, made quicker here, stops the container after 3 failures.
        await using var server = await ServerContainer.StartAsync(
            "--restart", "unless-stopped", "--init", "--tmpfs", "/results:size=1m,uid=10001,gid=10001",
            "--health-interval", "1s", "--health-timeout", "3s", "--health-retries", "3",
            "--health-cmd", "/app/basis health --restart-after 3");

        await Shell.RunAsync("docker", ["exec", server.Name, "dd", "if=/dev/zero", "of=/results/filler", "bs=64k"]);
        await WaitUntilAsync(
            async () =>
            {
                using var health = await server.Http.GetAsync("health", TestContext.Current.CancellationToken);
                return health.StatusCode == HttpStatusCode.ServiceUnavailable;
            },
            TimeSpan.FromSeconds(10), "/health reports the full disk with a 503");

        await WaitUntilAsync(async () => await Support.Docker.InspectAsync(server.Name, "{{.RestartCount}}") != "0", TimeSpan.FromSeconds(60), "the health check stops the container and docker restarts it");
        await Api.WaitForAsync(server.Http, "health", TimeSpan.FromSeconds(60));
        var health = await Api.GetObjectAsync(server.Http, "health");
        Assert.Equal("healthy", health["status"]!.GetValue<string>());
    }

    /// <summary><c>basis backtest</c> in a throwaway container of the same image; its summary.json.</summary>
    private static async Task<JsonObject> RunCommandLineBacktestAsync()
    {
        var output = Directory.CreateTempSubdirectory("basis-ops-cli-");
        try
        {
            // The image's user (uid 10001) writes into the mounted folder.
            File.SetUnixFileMode(output.FullName, (UnixFileMode)0b111_111_111);
            (await Shell.RunAsync("docker",
            [
                "run", "--rm", "--network", "none", "--read-only", "--tmpfs", "/tmp", "--volume", $"{output.FullName}:/out",
                ServerImage.Tag, "backtest", "--mode", Mode, "--start", Start[..10], "--end", End[..10], "--out", "/out/cli",
            ])).EnsureSuccess("basis backtest in the image");
            return JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output.FullName, "cli", "summary.json")))!.AsObject();
        }
        finally
        {
            output.Delete(recursive: true);
        }
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"waited {timeout.TotalSeconds:F0} s for: {what}");
            }

            await Task.Delay(500);
        }
    }

    [GeneratedRegex("^description: .*$", RegexOptions.Multiline)]
    private static partial Regex DescriptionLine();

    [GeneratedRegex("<script[^>]+src=\"(/assets/[^\"]+\\.js)\"")]
    private static partial Regex DashboardScript();
}
