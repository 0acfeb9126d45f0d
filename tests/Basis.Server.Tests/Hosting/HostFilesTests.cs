using Basis.Configuration;
using Basis.Api.Hosting;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Hosting;

/// <summary>The Functions-style files the host honours: host.json and local.settings.json.</summary>
public sealed class HostFilesTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Host_json_sets_the_route_prefix_and_the_log_level()
    {
        var path = _temp.Combine("host.json");
        File.WriteAllText(path, """{ "version": "2.0", "extensions": { "http": { "routePrefix": "/basis/" } }, "logging": { "logLevel": { "default": "Warning" } } }""");

        var hostJson = HostJson.Load(path);

        Assert.Equal("basis", hostJson.RoutePrefix);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Warning, hostJson.LogLevel);
        Assert.Equal(HostJson.Default, HostJson.Load(_temp.Combine("missing.json")));
    }

    [Fact]
    public void Host_json_s_durable_task_settings_are_read_and_checked()
    {
        var path = _temp.Combine("host.json");
        File.WriteAllText(path, """{ "extensions": { "durableTask": { "hubName": "basisprod", "maxConcurrentActivityFunctions": 8, "storageProvider": { "partitionCount": 6 } } } }""");

        Assert.Equal(new DurableTaskHostJson("basisprod", 6, 8, null), HostJson.Load(path).DurableTask);

        File.WriteAllText(path, """{ "extensions": { "durableTask": { "storageProvider": { "partitionCount": 40 } } } }""");
        var error = Assert.Throws<ConfigException>(() => HostJson.Load(path));
        Assert.Contains("extensions.durableTask.storageProvider.partitionCount", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_host_json_names_the_file_and_the_key()
    {
        var path = _temp.Combine("host.json");
        File.WriteAllText(path, """{ "logging": { "logLevel": { "default": "Loud" } } }""");

        var error = Assert.Throws<ConfigException>(() => HostJson.Load(path));

        Assert.Contains("host.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("logging.logLevel.default: 'Loud'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Local_settings_values_are_settings_and_explicit_overrides_win()
    {
        var path = _temp.Combine("local.settings.json");
        File.WriteAllText(path, """{ "IsEncrypted": false, "Values": { "BASIS_API_PORT": "8080", "BASIS_DATA_MODE": "blob", "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated" } }""");

        var settings = PipelineSettings.Load(Repository.Configs, new Dictionary<string, string> { ["BASIS_DATA_MODE"] = "csv" }, path);

        Assert.Equal("8080", settings["BASIS_API_PORT"]);
        Assert.Equal("csv", settings["BASIS_DATA_MODE"]);

        // Only names env.unified declares are settings: the Functions runtime's own keys are not.
        Assert.Null(settings["FUNCTIONS_WORKER_RUNTIME"]);
    }
}
