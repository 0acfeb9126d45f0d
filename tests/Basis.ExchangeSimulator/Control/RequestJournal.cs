using System.Text;
using System.Text.Json.Serialization;

namespace Basis.ExchangeSimulator.Control;

/// <summary>One venue request exactly as it arrived: the raw query string and body bytes are what the client signed.</summary>
public sealed record JournaledRequest(
    [property: JsonPropertyName("seq")] long Sequence,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string> Headers,
    [property: JsonIgnore] byte[] Body)
{
    [JsonPropertyName("body")]
    public string BodyText => Encoding.UTF8.GetString(Body);

    [JsonPropertyName("body_base64")]
    public string BodyBase64 => Convert.ToBase64String(Body);

    /// <summary>The header's value, or null (names compare case-insensitively, as HTTP's do).</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>
/// Every venue request (not <c>/_sim/</c>), recorded before faults or signature checks see it, so that tests can compare
/// what different clients send byte for byte. Read in-process or by <c>GET /_sim/requests</c>; <c>DELETE</c> clears.
/// </summary>
public sealed class RequestJournal
{
    // Signing, key and content headers of the three venues; the rest (User-Agent, Host…) says nothing about the request.
    private static readonly string[] HeaderPrefixes = ["content-type", "x-mbx-", "x-bapi-", "ok-access-", "x-simulated-trading", "referer"];

    private readonly Lock _sync = new();
    private readonly List<JournaledRequest> _entries = [];
    private long _sequence;

    public IReadOnlyList<JournaledRequest> Entries
    {
        get
        {
            lock (_sync)
            {
                return [.. _entries];
            }
        }
    }

    public void Clear()
    {
        lock (_sync)
        {
            _entries.Clear();
        }
    }

    /// <summary>Adds the recording middleware and the <c>/_sim/requests</c> endpoints to <paramref name="app"/>.</summary>
    public static RequestJournal Map(WebApplication app)
    {
        var journal = new RequestJournal();
        app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/_sim", StringComparison.Ordinal))
            {
                await journal.RecordAsync(context).ConfigureAwait(false);
            }

            await next(context).ConfigureAwait(false);
        });
        app.MapGet("/_sim/requests", () => Results.Ok(journal.Entries));
        app.MapDelete("/_sim/requests", () =>
        {
            journal.Clear();
            return Results.NoContent();
        });
        return journal;
    }

    private async Task RecordAsync(HttpContext context)
    {
        var request = context.Request;
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted).ConfigureAwait(false);
        request.Body.Position = 0;
        var headers = request.Headers
            .Where(h => HeaderPrefixes.Any(p => h.Key.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var query = request.QueryString.HasValue ? request.QueryString.Value![1..] : string.Empty;
        lock (_sync)
        {
            _entries.Add(new JournaledRequest(++_sequence, request.Method, request.Path.Value ?? string.Empty, query, headers, buffer.ToArray()));
        }
    }
}
