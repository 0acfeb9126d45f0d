using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Basis.Operations.Tests.Support;

/// <summary>The HTTP API as a client sees it through Caddy or on the server's own port.</summary>
internal static class Api
{
    /// <summary>The key the suite's servers accept; only its hash is configured.</summary>
    public const string Key = "operations-suite-key-not-a-secret";

    public static string KeyHash { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Key)));

    public static HttpClient Client(string baseAddress)
    {
        var client = new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Add("X-API-Key", Key);
        return client;
    }

    /// <summary>Waits until GET <paramref name="path"/> answers 200; throws with the last failure after <paramref name="timeout"/>.</summary>
    public static async Task WaitForAsync(HttpClient client, string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await client.GetAsync(path);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException)
            {
                last = "timed out";
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"{client.BaseAddress}{path.TrimStart('/')} did not answer 200 within {timeout.TotalSeconds:F0} s: {last}");
    }

    /// <summary>Starts a backtest of the bundled sample and returns its id.</summary>
    public static async Task<string> StartBacktestAsync(HttpClient client, string mode, string start, string end)
    {
        using var response = await client.PostAsJsonAsync("api/v1/backtests", new { strategy_name = mode, start_date = start, end_date = end, initial_capital = 100000 });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 202, $"POST /api/v1/backtests: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!["id"]!.GetValue<string>();
    }

    /// <summary>Polls a run (backtests or sweeps) until it finishes; returns its final status document.</summary>
    public static async Task<JsonNode> WaitFinishedAsync(HttpClient client, string collection, string id, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        JsonNode? status = null;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                status = JsonNode.Parse(await client.GetStringAsync($"api/v1/{collection}/{id}"));
                var runtime = status!["runtimeStatus"]!.GetValue<string>();
                if (runtime is "Completed" or "Failed" or "Terminated")
                {
                    return status;
                }
            }
            catch (HttpRequestException)
            {
                // The server is restarting: keep asking.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException($"{collection}/{id} did not finish within {timeout.TotalSeconds:F0} s; last status: {status?.ToJsonString()}");
    }

    public static async Task<JsonObject> GetObjectAsync(HttpClient client, string path) =>
        JsonNode.Parse(await client.GetStringAsync(path))!.AsObject();

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
