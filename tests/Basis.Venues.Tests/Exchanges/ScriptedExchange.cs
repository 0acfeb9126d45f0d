using System.Net;
using System.Text;

namespace Basis.Venues.Tests.Exchanges;

/// <summary>
/// A fake exchange behind HttpClient: records every request as sent (method, URL with its query, headers, body) and
/// answers from per-endpoint scripts; its server-time route answers <see cref="ServerTimeMs"/> unless scripted.
/// </summary>
internal sealed class ScriptedExchange(string serverTimeRoute, Func<long, string> serverTimeJson) : HttpMessageHandler
{
    private readonly Dictionary<string, Queue<Func<HttpResponseMessage>>> _scripts = [];
    private readonly Lock _lock = new();

    public List<RecordedRequest> Requests { get; } = [];

    public long ServerTimeMs { get; set; }

    public void On(string methodAndPath, params Func<HttpResponseMessage>[] responses)
    {
        lock (_lock)
        {
            if (!_scripts.TryGetValue(methodAndPath, out var queue))
                _scripts[methodAndPath] = queue = new Queue<Func<HttpResponseMessage>>();
            foreach (var response in responses)
                queue.Enqueue(response);
        }
    }

    public IReadOnlyList<RecordedRequest> To(string methodAndPath)
    {
        lock (_lock)
            return [.. Requests.Where(r => r.MethodAndPath == methodAndPath)];
    }

    public static Func<HttpResponseMessage> Ok(string json, params (string Name, string Value)[] headers) =>
        Respond(HttpStatusCode.OK, json, headers);

    public static Func<HttpResponseMessage> Respond(HttpStatusCode status, string json, params (string Name, string Value)[] headers) => () =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers)
            response.Headers.TryAddWithoutValidation(name, value);
        return response;
    };

    public static Func<HttpResponseMessage> TimesOut() =>
        () => throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout.", new TimeoutException());

    public static Func<HttpResponseMessage> ConnectionReset() =>
        () => throw new HttpRequestException("An error occurred while sending the request.", new IOException("Connection reset by peer"));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method.Method, request.RequestUri!, body,
            request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value)),
            request.Content?.Headers.ContentType?.MediaType);
        Func<HttpResponseMessage>? script = null;
        lock (_lock)
        {
            Requests.Add(recorded);
            if (_scripts.TryGetValue(recorded.MethodAndPath, out var queue) && queue.Count > 0)
                script = queue.Dequeue();
        }
        if (script is not null)
            return script();
        if (recorded.MethodAndPath == serverTimeRoute)
            return Ok(serverTimeJson(ServerTimeMs))();
        throw new InvalidOperationException($"No scripted response left for {recorded.MethodAndPath}.");
    }
}

internal sealed record RecordedRequest(
    string Method, Uri Uri, string Body, IReadOnlyDictionary<string, string> Headers, string? ContentType)
{
    public string MethodAndPath => Method + " " + Uri.AbsolutePath;

    /// <summary>The signed parameter string: the query of a GET/DELETE, the form body of a POST.</summary>
    public string Parameters => Method == "POST" ? Body : Uri.Query.TrimStart('?');

    public string? Parameter(string name) =>
        Parameters.Split('&').Select(p => p.Split('=', 2)).FirstOrDefault(p => p[0] == name) is { } pair
            ? Uri.UnescapeDataString(pair[1])
            : null;
}
