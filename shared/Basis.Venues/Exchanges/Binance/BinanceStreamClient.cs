using System.Runtime.CompilerServices;
using System.Text.Json;
using Basis.Venues.Exchanges.Streams;
using Microsoft.Extensions.Logging;

namespace Basis.Venues.Exchanges.Binance;

/// <summary>
/// Binance USDⓈ-M market streams: <c>&lt;symbol&gt;@markPrice@1s</c> on <c>/ws/</c> (a raw stream: one
/// <c>markPriceUpdate</c> event a second, no subscribe message; Binance pings every few minutes and
/// <see cref="System.Net.WebSockets.ClientWebSocket"/> answers with a pong).
/// </summary>
public sealed class BinanceStreamClient : IMarkPriceFeed
{
    private readonly Uri _baseUrl;
    private readonly StreamConnectionOptions _options;
    private readonly ILogger? _logger;

    /// <summary><paramref name="baseUrl"/>: e.g. <c>wss://fstream.binance.com</c> (<see cref="StreamEndpoints.PublicFor"/>) or a simulator's ws:// URL.</summary>
    public BinanceStreamClient(Uri baseUrl, StreamConnectionOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        _baseUrl = baseUrl;
        _options = options ?? new StreamConnectionOptions { SilenceTimeout = TimeSpan.FromSeconds(10) };
        _logger = logger;
    }

    public async IAsyncEnumerable<MarkPriceUpdate> MarkPricesAsync(string symbol, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var stream = symbol.ToLowerInvariant() + "@markPrice@1s";
        var socket = new ReconnectingWebSocket(new Uri(_baseUrl, "/ws/" + stream), new StreamProtocol(), _options, _logger);
        await foreach (var message in socket.MessagesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (ParseMarkPrice(message) is { } update && string.Equals(update.Symbol, symbol, StringComparison.OrdinalIgnoreCase))
            {
                yield return update;
            }
        }
    }

    /// <summary>A <c>markPriceUpdate</c> event (e, E, s, p, i, P, r, T), or null for any other message.</summary>
    internal static MarkPriceUpdate? ParseMarkPrice(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("e", out var type) || type.GetString() != "markPriceUpdate")
        {
            return null;
        }

        var nextFunding = root.TryGetProperty("T", out var t) ? t.GetInt64() : 0;
        return new MarkPriceUpdate(
            root.GetProperty("s").GetString()!,
            StreamJson.Decimal(root, "p") ?? throw new JsonException("markPriceUpdate without a mark price (p)"),
            StreamJson.Decimal(root, "i"),
            StreamJson.Decimal(root, "r"), // empty for a delivery contract
            nextFunding > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(nextFunding) : null,
            DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("E").GetInt64()));
    }
}
