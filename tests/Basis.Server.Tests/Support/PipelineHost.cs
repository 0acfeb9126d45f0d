using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Basis.Api.Hosting;
using Basis.Api.Http;
using Basis.Server.Hosting;
using Basis.Testing;
using Microsoft.AspNetCore.Builder;

namespace Basis.Server.Tests.Support;

/// <summary>
/// The HTTP host as <c>basis serve</c> builds it (settings → <see cref="PipelineComponents"/> → <see cref="WebHost"/>), on
/// free loopback ports, with a client that holds the API key. Defaults: csv data from the sample, results in a
/// folder, embedded engine; <c>settings</c> override them. Stopped (and its components closed) on dispose.
/// </summary>
internal sealed class PipelineHost : IAsyncDisposable
{
    public const string Key = "integration-key-not-a-secret";

    /// <summary>How long a run may take before a test gives up waiting for it.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly PipelineComponents _components;
    private readonly WebApplication _app;
    private bool _stopped;

    private PipelineHost(PipelineComponents components, WebApplication app, int port)
    {
        _components = components;
        _app = app;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}") };
        Http.DefaultRequestHeaders.Add(ApiKeys.Header, Key);
    }

    public HttpClient Http { get; }

    public static async Task<PipelineHost> StartAsync(string resultsDirectory, IReadOnlyDictionary<string, string>? settings = null, CancellationToken cancellationToken = default)
    {
        var values = new Dictionary<string, string>
        {
            ["BASIS_DATA_MODE"] = "csv",
            ["BASIS_DATA_DIR"] = Repository.SampleData,
            ["BASIS_RESULTS_DIR"] = resultsDirectory,
            ["BASIS_API_KEY_HASHES"] = ApiKeys.Hash(Key),
            ["BASIS_ORCHESTRATION_BACKEND"] = "embedded",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var components = await PipelineComponents.OpenAsync(PipelineSettings.Load(Repository.Configs, values), Repository.SampleData, resultsDirectory, cancellationToken: cancellationToken);
        try
        {
            var port = ServiceRequirement.FreeLoopbackPort();
            var app = WebHost.Build(components, HostJson.Default with { LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning }, port);
            await app.StartAsync(cancellationToken);
            return new PipelineHost(components, app, port);
        }
        catch
        {
            await components.DisposeAsync();
            throw;
        }
    }

    /// <summary>Posts a run to <paramref name="collection"/> (<c>backtests</c> or <c>sweeps</c>), expecting 202; returns its status URL.</summary>
    public async Task<string> SubmitAsync(string collection, object body, CancellationToken cancellationToken)
    {
        using var response = await Http.PostAsJsonAsync($"/api/v1/{collection}", body, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{(int)response.StatusCode}: {text}");
        using var links = JsonDocument.Parse(text);
        return links.RootElement.GetProperty("statusQueryGetUri").GetString()!;
    }

    /// <summary>Polls a status URL until the run is no longer Pending or Running.</summary>
    public async Task<JsonElement> WaitAsync(string statusUri, CancellationToken cancellationToken)
    {
        using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        patience.CancelAfter(Patience);
        while (true)
        {
            var state = await GetJsonAsync(statusUri, patience.Token);
            if (state.GetProperty("runtimeStatus").GetString() is not ("Pending" or "Running"))
            {
                return state;
            }

            await Task.Delay(50, patience.Token);
        }
    }

    /// <summary>GETs JSON, failing with the body when the status is not 200.</summary>
    public async Task<JsonElement> GetJsonAsync(string uri, CancellationToken cancellationToken)
    {
        var text = await GetTextAsync(uri, cancellationToken);
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    /// <summary>GETs a body, failing with it when the status is not 200.</summary>
    public async Task<string> GetTextAsync(string uri, CancellationToken cancellationToken)
    {
        using var response = await Http.GetAsync(new Uri(uri, UriKind.RelativeOrAbsolute), cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {uri}: {(int)response.StatusCode}: {text}");
        return text;
    }

    /// <summary>Stops the host gracefully (an Azure Storage worker hands its leases over); later calls do nothing.</summary>
    public async Task StopAsync()
    {
        if (!_stopped)
        {
            _stopped = true;
            await _app.StopAsync(CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await StopAsync();
        await _app.DisposeAsync();
        await _components.DisposeAsync();
    }
}
