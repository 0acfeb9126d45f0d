using System.Runtime.CompilerServices;
using System.Text.Json;
using Basis.Venues.Exchanges.Streams;
using Microsoft.Extensions.Logging;

namespace Basis.Venues.Exchanges.Bybit;

/// <summary>
/// Bybit v5 public linear stream (<c>/v5/public/linear</c>): <c>{"op":"subscribe","args":["tickers.BTCUSDT"]}</c> after
/// every connect, <c>{"op":"ping"}</c> every 20 s (Bybit's recommendation). The first <c>tickers</c> message is a
/// snapshot, later ones deltas holding only changed fields; they are merged so every update carries the latest mark,
/// index, funding rate and next funding time.
/// </summary>
public sealed class BybitStreamClient : IMarkPriceFeed
{
    private readonly Uri _url;
    private readonly StreamConnectionOptions _options;
    private readonly ILogger? _logger;

    /// <summary><paramref name="url"/>: the linear public endpoint itself, e.g. <c>wss://stream.bybit.com/v5/public/linear</c>.</summary>
    public BybitStreamClient(Uri url, StreamConnectionOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        _url = url;
        _options = options ?? new StreamConnectionOptions();
        _logger = logger;
    }

    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    public async IAsyncEnumerable<MarkPriceUpdate> MarkPricesAsync(string symbol, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var socket = new ReconnectingWebSocket(_url, Protocol("tickers." + symbol, PingInterval), _options, _logger);
        var ticker = new Ticker();
        await foreach (var message in socket.MessagesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (ticker.Apply(message, "tickers." + symbol) is { } update)
            {
                yield return update;
            }
        }
    }

    /// <summary>
    /// Bybit v5's rules on a public or private connection: subscribe to <paramref name="topic"/>, ping with
    /// <c>{"op":"ping"}</c>; replies to ops (acknowledgements, pongs) carry <c>op</c> and no <c>topic</c>.
    /// </summary>
    internal static StreamProtocol Protocol(string topic, TimeSpan pingInterval) => new()
    {
        SubscribeMessages = [$$"""{"op":"subscribe","args":["{{topic}}"]}"""],
        KeepAliveMessage = """{"op":"ping"}""",
        KeepAliveInterval = pingInterval,
        IsControlMessage = static m => m.Contains("\"op\"", StringComparison.Ordinal) && !m.Contains("\"topic\"", StringComparison.Ordinal),
    };

    /// <summary>The merged state of one symbol's <c>tickers</c> topic.</summary>
    internal sealed class Ticker
    {
        private string? _symbol;
        private decimal? _mark;
        private decimal? _index;
        private decimal? _rate;
        private long? _nextFunding;

        /// <summary>Applies a snapshot (replaces) or delta (overrides the fields it has); null for other messages or before a mark is known.</summary>
        public MarkPriceUpdate? Apply(string json, string topic)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("topic", out var t) || t.GetString() != topic
                || !root.TryGetProperty("data", out var data))
            {
                return null;
            }

            if (root.TryGetProperty("type", out var type) && type.GetString() == "snapshot")
            {
                (_symbol, _mark, _index, _rate, _nextFunding) = (null, null, null, null, null);
            }

            _symbol = data.TryGetProperty("symbol", out var s) ? s.GetString() : _symbol;
            _mark = StreamJson.Decimal(data, "markPrice") ?? _mark;
            _index = StreamJson.Decimal(data, "indexPrice") ?? _index;
            _rate = StreamJson.Decimal(data, "fundingRate") ?? _rate;
            _nextFunding = StreamJson.Decimal(data, "nextFundingTime") is { } next ? (long)next : _nextFunding;
            return _mark is { } mark && _symbol is { } symbol
                ? new MarkPriceUpdate(
                    symbol,
                    mark,
                    _index,
                    _rate,
                    _nextFunding is > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(_nextFunding.Value) : null,
                    DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("ts").GetInt64()))
                : null;
        }
    }
}
