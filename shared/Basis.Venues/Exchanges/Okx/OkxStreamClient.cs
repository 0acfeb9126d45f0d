using System.Runtime.CompilerServices;
using System.Text.Json;
using Basis.Venues.Exchanges.Streams;
using Microsoft.Extensions.Logging;

namespace Basis.Venues.Exchanges.Okx;

/// <summary>
/// OKX v5 public stream (<c>/ws/v5/public</c>): the <c>mark-price</c> and <c>funding-rate</c> channels of one swap,
/// subscribed after every connect; the text <c>ping</c> every 20 s (OKX closes a connection idle for 30 s) is answered
/// with <c>pong</c>. Each mark-price push becomes an update carrying the latest funding push's rate and settlement
/// time (<c>fundingTime</c>); there is no index price on these channels.
/// </summary>
public sealed class OkxStreamClient : IMarkPriceFeed
{
    private readonly Uri _url;
    private readonly StreamConnectionOptions _options;
    private readonly ILogger? _logger;

    /// <summary><paramref name="url"/>: the public endpoint itself, e.g. <c>wss://ws.okx.com:8443/ws/v5/public</c>.</summary>
    public OkxStreamClient(Uri url, StreamConnectionOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        _url = url;
        _options = options ?? new StreamConnectionOptions();
        _logger = logger;
    }

    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <param name="symbol">OKX's instrument id, e.g. <c>BTC-USDT-SWAP</c> (as <see cref="OkxExchangeClient"/> takes it).</param>
    /// <param name="cancellationToken">Ends the enumeration.</param>
    public async IAsyncEnumerable<MarkPriceUpdate> MarkPricesAsync(string symbol, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        var protocol = Protocol($$"""{"channel":"mark-price","instId":"{{symbol}}"},{"channel":"funding-rate","instId":"{{symbol}}"}""", PingInterval);
        var socket = new ReconnectingWebSocket(_url, protocol, _options, _logger);
        var state = new Channels(symbol);
        await foreach (var message in socket.MessagesAsync(cancellationToken).ConfigureAwait(false))
        {
            if (state.Apply(message) is { } update)
            {
                yield return update;
            }
        }
    }

    /// <summary>
    /// OKX v5's rules on a public or private connection: subscribe to the channels <paramref name="args"/> (JSON
    /// objects, comma-separated), ping with the text <c>ping</c>; <c>pong</c> and <c>event</c> replies are chatter.
    /// </summary>
    internal static StreamProtocol Protocol(string args, TimeSpan pingInterval) => new()
    {
        SubscribeMessages = ["{\"op\":\"subscribe\",\"args\":[" + args + "]}"],
        KeepAliveMessage = "ping",
        KeepAliveInterval = pingInterval,
        IsControlMessage = static m => m == "pong" || m.StartsWith("{\"event\"", StringComparison.Ordinal),
    };

    /// <summary>The latest funding push of one instrument, and updates from its mark-price pushes.</summary>
    internal sealed class Channels(string instId)
    {
        private decimal? _rate;
        private long? _fundingTime;

        public MarkPriceUpdate? Apply(string json)
        {
            if (!json.StartsWith('{'))
            {
                return null;
            }

            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (!root.TryGetProperty("arg", out var arg) || !root.TryGetProperty("data", out var data)
                || arg.GetProperty("instId").GetString() != instId || data.GetArrayLength() == 0)
            {
                return null;
            }

            var row = data[data.GetArrayLength() - 1];
            switch (arg.GetProperty("channel").GetString())
            {
                case "funding-rate":
                    _rate = StreamJson.Decimal(row, "fundingRate") ?? _rate;
                    _fundingTime = StreamJson.Decimal(row, "fundingTime") is { } t ? (long)t : _fundingTime;
                    return null;
                case "mark-price" when StreamJson.Decimal(row, "markPx") is { } mark:
                    return new MarkPriceUpdate(
                        instId,
                        mark,
                        null,
                        _rate,
                        _fundingTime is > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(_fundingTime.Value) : null,
                        DateTimeOffset.FromUnixTimeMilliseconds((long)(StreamJson.Decimal(row, "ts") ?? 0)));
                default:
                    return null;
            }
        }
    }
}
