using System.Globalization;
using System.Net.Http.Headers;
using Basis.ExchangeSimulator.Binance;

namespace Basis.ExchangeSimulator.Tests.Binance;

/// <summary>Raw signed requests for the error-path tests: the test controls every byte, including bad signatures and stale timestamps.</summary>
internal sealed class BinanceClient(string baseUrl, string key, string secret) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path, TestContext.Current.CancellationToken);

    /// <summary>Sends <paramref name="parameters"/> plus timestamp in the query (GET/DELETE) or the form body (POST), signed unless told otherwise.</summary>
    public Task<HttpResponseMessage> SignedAsync(HttpMethod method, string path, string parameters, long? timestampMs = null, string? signatureOverride = null, string? keyOverride = null)
    {
        var timestamp = (timestampMs ?? DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).ToString(CultureInfo.InvariantCulture);
        var total = (parameters.Length > 0 ? parameters + "&" : string.Empty) + "timestamp=" + timestamp;
        var signed = total + "&signature=" + (signatureOverride ?? BinanceSignature.Sign(secret, total));
        var request = method == HttpMethod.Post
            ? new HttpRequestMessage(method, path) { Content = new StringContent(signed, new MediaTypeHeaderValue("application/x-www-form-urlencoded")) }
            : new HttpRequestMessage(method, path + "?" + signed);
        request.Headers.Add("X-MBX-APIKEY", keyOverride ?? key);
        return _http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> ControlAsync(string path, string json) =>
        _http.PostAsync(path, new StringContent(json, new MediaTypeHeaderValue("application/json")), TestContext.Current.CancellationToken);

    public Task<HttpResponseMessage> ControlDeleteAsync(string path) => _http.DeleteAsync(path, TestContext.Current.CancellationToken);

    public void Dispose() => _http.Dispose();
}
