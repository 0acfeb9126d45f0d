using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Basis.Server.Hosting;
using Basis.Server.Http;
using Basis.Orchestrations.Engine;
using Basis.Orchestrations.History;
using Basis.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Basis.Benchmarks.Pipeline;

/// <summary>
/// The HTTP host started in this process on a free loopback port, as <c>basis serve</c> runs it (the end-to-end
/// tests do the same): embedded, or one silo of a Redis cluster. Requests carry an API key.
/// </summary>
internal sealed class PipelineHost : IAsyncDisposable
{
    private const string Key = "bench-key-not-a-secret";
    private readonly PipelineComponents _components;
    private readonly WebApplication _app;

    private PipelineHost(PipelineComponents components, WebApplication app, HttpClient http)
    {
        _components = components;
        _app = app;
        Http = http;
    }

    public HttpClient Http { get; }

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>Starts a host; <paramref name="settings"/> add to the data, results and port settings every host gets.</summary>
    public static async Task<PipelineHost> StartAsync(string resultsDirectory, IReadOnlyDictionary<string, string> settings)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["BASIS_DATA_MODE"] = "csv",
            ["BASIS_DATA_DIR"] = BenchmarkData.Canonical,
            ["BASIS_RESULTS_DIR"] = resultsDirectory,
            ["BASIS_API_KEY_HASHES"] = ApiKeys.Hash(Key),
            ["BASIS_SILO_PORT"] = Port(),
            ["BASIS_GATEWAY_PORT"] = Port(),
        };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }

        var components = await PipelineComponents.OpenAsync(PipelineSettings.Load(BenchmarkData.Configs, values), BenchmarkData.Canonical, resultsDirectory);
        var port = ServiceRequirement.FreeLoopbackPort();

        // Warnings only: request logging of every poll would be part of what is measured.
        var app = WebHost.Build(components, HostJson.Default with { LogLevel = Serilog.Events.LogEventLevel.Warning }, port);
        await app.StartAsync();
        return new PipelineHost(components, app, new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(10) });
    }

    /// <summary>POSTs <paramref name="body"/> to <paramref name="collection"/> (e.g. <c>/api/v1/backtests</c>); returns the status URL.</summary>
    public async Task<string> SubmitAsync(string collection, object body)
    {
        using var submit = new HttpRequestMessage(HttpMethod.Post, collection) { Content = JsonContent.Create(body) };
        submit.Headers.Add(ApiKeys.Header, Key);
        using var accepted = await Http.SendAsync(submit);
        var text = await accepted.Content.ReadAsStringAsync();
        if (!accepted.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {collection}: {(int)accepted.StatusCode} {text}");
        }

        using var links = JsonDocument.Parse(text);
        return links.RootElement.GetProperty("statusQueryGetUri").GetString()!;
    }

    /// <summary>Polls the status URL every <paramref name="interval"/> until the run is no longer pending or running.</summary>
    public async Task<JsonElement> PollAsync(string statusUri, TimeSpan interval)
    {
        while (true)
        {
            var state = await Http.GetFromJsonAsync<JsonElement>(statusUri);
            var status = state.GetProperty("runtimeStatus").GetString();
            if (status is not ("Pending" or "Running"))
            {
                return status == "Completed" ? state : throw new InvalidOperationException($"{statusUri} ended {status}: {state}");
            }

            await Task.Delay(interval);
        }
    }

    public Task<IReadOnlyList<HistoryEvent>> HistoryAsync(string instanceId) => Grains.GetGrain<IOrchestrationGrain>(instanceId).GetHistory();

    /// <summary>Waits until the cluster has <paramref name="silos"/> active silos.</summary>
    public async Task WaitForSilosAsync(int silos)
    {
        var management = Grains.GetGrain<IManagementGrain>(0);
        while ((await management.GetHosts(true)).Count < silos)
        {
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _components.DisposeAsync();
    }

    private static string Port() => ServiceRequirement.FreeLoopbackPort().ToString(CultureInfo.InvariantCulture);
}
