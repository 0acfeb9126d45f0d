using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Basis.Api.Hosting;
using Basis.Api.Http;
using Basis.Orchestrations.Backtests;
using Basis.Server.Hosting;
using Basis.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Basis.Benchmarks.Pipeline;

/// <summary>
/// The HTTP host as <c>basis serve</c> builds it (settings → <see cref="PipelineComponents"/> → <see cref="WebHost"/>),
/// started in this process on a free loopback port, as the end-to-end tests do: csv market data from the benchmark's
/// canonical folder, results in a folder, the embedded engine unless <c>settings</c> say otherwise. Logs warnings only
/// (request logging of every poll would be part of what is measured). Stopped on dispose.
/// </summary>
internal sealed class PipelineHost : IAsyncDisposable
{
    private const string Key = "bench-key-not-a-secret";
    private readonly PipelineComponents _components;
    private readonly WebApplication _app;

    private PipelineHost(PipelineComponents components, WebApplication app, Uri address)
    {
        _components = components;
        _app = app;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(30) };
        Http.DefaultRequestHeaders.Add(ApiKeys.Header, Key);
    }

    public HttpClient Http { get; }

    /// <summary>The engine's client, for what the HTTP status does not show (the orchestration's own times).</summary>
    public DurableTaskClient Engine => _app.Services.GetRequiredService<DurableTaskClient>();

    /// <summary>The workspace the host's activities run in (its configuration and market-data caches).</summary>
    public BacktestWorkspace Workspace => _app.Services.GetRequiredService<BacktestWorkspace>();

    public static async Task<PipelineHost> StartAsync(string resultsDirectory, IReadOnlyDictionary<string, string>? settings = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BASIS_DATA_MODE"] = "csv",
            ["BASIS_DATA_DIR"] = BenchmarkData.Canonical,
            ["BASIS_RESULTS_DIR"] = resultsDirectory,
            ["BASIS_API_KEY_HASHES"] = ApiKeys.Hash(Key),
            ["BASIS_ORCHESTRATION_BACKEND"] = "embedded",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values[key] = value;
        }

        var components = await PipelineComponents.OpenAsync(PipelineSettings.Load(BenchmarkData.Configs, values), BenchmarkData.Canonical, resultsDirectory);
        try
        {
            var port = ServiceRequirement.FreeLoopbackPort();
            var app = WebHost.Build(components, HostJson.Default with { LogLevel = Microsoft.Extensions.Logging.LogLevel.Warning }, port);
            await app.StartAsync();
            return new PipelineHost(components, app, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        }
        catch
        {
            await components.DisposeAsync();
            throw;
        }
    }

    /// <summary>POSTs a run to <c>/api/v1/{collection}</c> (<c>backtests</c> or <c>sweeps</c>), expecting 202; returns its status URL.</summary>
    public async Task<string> SubmitAsync(string collection, object body)
    {
        using var response = await Http.PostAsJsonAsync($"/api/v1/{collection}", body);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"POST /api/v1/{collection}: {(int)response.StatusCode} {text}");
        }

        using var links = JsonDocument.Parse(text);
        return links.RootElement.GetProperty("statusQueryGetUri").GetString()!;
    }

    /// <summary>GETs a run's status (the API's status response).</summary>
    public async Task<JsonElement> StatusAsync(string statusUri)
    {
        using var response = await Http.GetAsync(new Uri(statusUri));
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET {statusUri}: {(int)response.StatusCode} {text}");
        }

        using var status = JsonDocument.Parse(text);
        return status.RootElement.Clone();
    }

    /// <summary>Polls a status URL every <paramref name="interval"/> until the run is Completed; fails with the status when it ends otherwise.</summary>
    public async Task<JsonElement> WaitAsync(string statusUri, TimeSpan interval)
    {
        while (true)
        {
            var status = await StatusAsync(statusUri);
            switch (RuntimeStatus(status))
            {
                case "Completed":
                    return status;
                case "Pending" or "Running":
                    await Task.Delay(interval);
                    break;
                default:
                    throw new InvalidOperationException($"{statusUri} ended {RuntimeStatus(status)}: {status}");
            }
        }
    }

    public static string? RuntimeStatus(JsonElement status) => status.GetProperty("runtimeStatus").GetString();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _components.DisposeAsync();
    }
}
