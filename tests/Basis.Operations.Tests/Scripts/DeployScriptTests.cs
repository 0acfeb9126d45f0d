using Basis.Operations.Tests.Support;

namespace Basis.Operations.Tests.Scripts;

/// <summary>deploy.sh refuses what it cannot deploy before it touches Docker, naming what is wrong.</summary>
public sealed class DeployScriptTests
{
    private static Task<CommandResult> DeployAsync(IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Shell.RunAsync("env", ["-i", $"PATH={Environment.GetEnvironmentVariable("PATH")}", .. environment.Select(e => $"{e.Key}={e.Value}"), Repository.Path("infra", "docker", "deploy.sh"), .. arguments]);

    [Theory]
    [InlineData("qa", "all", "start", "unknown environment 'qa'")]
    [InlineData("local", "everything", "start", "unknown services 'everything'")]
    [InlineData("local", "all", "deploy", "unknown action 'deploy'")]
    public async Task An_unknown_argument_is_refused_with_the_usage(string environment, string services, string action, string message)
    {
        var result = await DeployAsync(new Dictionary<string, string>(), environment, services, action);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
        Assert.Contains("usage: deploy.sh [local|staging|prod] [backend|frontend|all] [start|stop|restart|status|logs]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Local_start_without_the_database_password_names_it()
    {
        var result = await DeployAsync(new Dictionary<string, string>(), "local", "all", "start");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("deploy.sh: POSTGRES_PASSWORD is not set", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prod_start_names_each_missing_variable_in_turn()
    {
        var settings = new Dictionary<string, string> { ["POSTGRES_PASSWORD"] = "x" };
        var first = await DeployAsync(settings, "prod", "all", "start");
        Assert.Equal(1, first.ExitCode);
        Assert.Contains("deploy.sh: APP_DOMAIN is not set: put it in .env.prod", first.Output, StringComparison.Ordinal);

        settings["APP_DOMAIN"] = "basis.example.com";
        var second = await DeployAsync(settings, "prod", "all", "start");
        Assert.Contains("deploy.sh: ACME_EMAIL is not set", second.Output, StringComparison.Ordinal);

        settings["ACME_EMAIL"] = "ops@example.com";
        var third = await DeployAsync(settings, "prod", "all", "start");
        Assert.Contains("deploy.sh: BASIS_API_KEY_HASHES is not set", third.Output, StringComparison.Ordinal);
    }
}
