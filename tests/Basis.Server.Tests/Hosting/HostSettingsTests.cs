using Basis.Configuration;
using Basis.Data.Canonical;
using Basis.Api.Hosting;
using Basis.Server.Tests.Support;

namespace Basis.Server.Tests.Hosting;

/// <summary>
/// Bad settings are configuration errors naming the variable (the command line's exit 2, a host that refuses to
/// start), listed together, never a crash; and a secret's value never appears in the message.
/// </summary>
public sealed class HostSettingsTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void The_host_s_port_address_and_key_hashes_are_checked_together()
    {
        var error = Assert.Throws<ConfigException>(() => HostSettings.From(Settings(new()
        {
            ["BASIS_API_PORT"] = "abc",
            ["BASIS_API_BIND"] = "nowhere",
            ["BASIS_API_KEY_HASHES"] = "not-a-hash",
        })));

        Assert.Equal(["BASIS_API_BIND", "BASIS_API_KEY_HASHES", "BASIS_API_PORT"], error.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("not-a-hash", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Defaults_are_loopback_port_7071_and_no_keys()
    {
        var host = HostSettings.From(Settings(new()));

        Assert.Equal(7071, host.ApiPort);
        Assert.Equal(System.Net.IPAddress.Loopback, host.ApiBind);
        Assert.Empty(host.ApiKeyHashes);
    }

    [Theory]
    [InlineData("azure_storage", "", "basis", "AzureWebJobsStorage")]
    [InlineData("azure_storage", "UseDevelopmentStorage=true", "no", "BASIS_TASK_HUB")]
    [InlineData("azure_storage", "UseDevelopmentStorage=true", "1basis", "BASIS_TASK_HUB")]
    [InlineData("redis", "", "basis", "BASIS_ORCHESTRATION_BACKEND")]
    public async Task An_orchestration_back_end_without_what_it_needs_names_the_variable(string backend, string storage, string taskHub, string named)
    {
        var settings = Settings(new() { ["BASIS_ORCHESTRATION_BACKEND"] = backend, ["AzureWebJobsStorage"] = storage, ["BASIS_TASK_HUB"] = taskHub });

        var error = await Assert.ThrowsAsync<ConfigException>(() => Open(settings));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_azure_storage_back_end_takes_the_functions_storage_setting()
    {
        var host = HostSettings.From(Settings(new() { ["BASIS_ORCHESTRATION_BACKEND"] = "azure_storage", ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true", ["BASIS_TASK_HUB"] = "basisdev" }));

        Assert.Equal(new OrchestrationSettings(OrchestrationBackend.AzureStorage, "UseDevelopmentStorage=true", "basisdev"), host.Orchestration);
        Assert.Equal(OrchestrationBackend.Embedded, HostSettings.From(Settings(new())).Orchestration.Backend);
    }

    [Fact]
    public async Task Blob_mode_without_a_connection_names_the_variable()
    {
        var error = await Assert.ThrowsAsync<MarketDataSettingsException>(() => Open(Settings(new() { ["BASIS_DATA_MODE"] = "blob" })));

        Assert.Equal("BASIS_BLOB_CONNECTION", error.Setting);
    }

    private PipelineSettings Settings(Dictionary<string, string> values) =>
        PipelineSettings.Load(Repository.Configs, values, _temp.Combine("no-local-settings.json"));

    private async Task Open(PipelineSettings settings)
    {
        await using var components = await PipelineComponents.OpenAsync(settings, Repository.SampleData, _temp.Combine("results"), cancellationToken: TestContext.Current.CancellationToken);
    }
}
