using System.Net.Http.Json;
using System.Text.Json;
using Basis.ExchangeSimulator;
using Basis.Venues.Exchanges.Streams;

namespace Basis.Venues.Tests.Streams;

/// <summary>An in-process simulator over the repository's data, with its stream controls over HTTP.</summary>
internal sealed class StreamRig : IAsyncDisposable
{
    public const string Key = "stream-key";

    private readonly HttpClient _http;

    private StreamRig(SimulatorHost host)
    {
        Host = host;
        _http = new HttpClient { BaseAddress = new Uri(host.BaseUrl) };
    }

    public SimulatorHost Host { get; }

    public Uri WebSocketBaseUrl => StreamEndpoints.FromHttp(new Uri(Host.BaseUrl));

    public static async Task<StreamRig> StartAsync(int pushIntervalMs = 100)
    {
        var host = await SimulatorHost.StartAsync(
            new SimulatorOptions
            {
                DataRoot = Path.Combine(Root, "data"),
                ConfigsRoot = Path.Combine(Root, "configs"),
                Accounts = [new SimulatorAccount(Key, "stream-secret", 10_000m, "stream-passphrase")],
            },
            TestContext.Current.CancellationToken);
        var rig = new StreamRig(host);
        await rig.SetAsync(pushIntervalMs, silent: false);
        return rig;
    }

    public async Task SetAsync(int pushIntervalMs, bool silent)
    {
        using var response = await _http.PostAsJsonAsync("/_sim/streams", new { push_interval_ms = pushIntervalMs, silent }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task AdvanceHoursAsync(int hours)
    {
        using var response = await _http.PostAsJsonAsync("/_sim/clock", new { advance_hours = hours }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    public async Task<int> DropAsync()
    {
        using var response = await _http.PostAsync(new Uri("/_sim/streams/drop", UriKind.Relative), null, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("dropped").GetInt32();
    }

    /// <summary>(open, accepted) WebSocket connections.</summary>
    public async Task<(int Open, int Accepted)> ConnectionsAsync()
    {
        using var body = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/_sim/streams", UriKind.Relative), TestContext.Current.CancellationToken));
        return (body.RootElement.GetProperty("open").GetInt32(), body.RootElement.GetProperty("accepted").GetInt32());
    }

    /// <summary>Open connections with a live subscription (an order stream's baseline is taken: changes from now on are pushed).</summary>
    public async Task<int> SubscribedAsync()
    {
        using var body = JsonDocument.Parse(await _http.GetStringAsync(new Uri("/_sim/streams", UriKind.Relative), TestContext.Current.CancellationToken));
        return body.RootElement.GetProperty("subscribed").GetInt32();
    }

    /// <summary>Polls <paramref name="condition"/> until true or the generous timeout.</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Host.DisposeAsync();
    }

    private static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Basis.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Basis.sln above {AppContext.BaseDirectory}.");
    }
}
