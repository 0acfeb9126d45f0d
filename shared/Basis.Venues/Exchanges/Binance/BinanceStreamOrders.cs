using System.Globalization;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Basis.Venues.Exchanges.Streams;
using Microsoft.Extensions.Logging;

namespace Basis.Venues.Exchanges.Binance;

/// <summary>
/// Binance USDⓈ-M user data stream: a listen key from <c>POST /fapi/v1/listenKey</c> (API key header, no signature),
/// the stream at <c>/ws/&lt;listenKey&gt;</c>, a keep-alive <c>PUT /fapi/v1/listenKey</c> every
/// <see cref="KeepAliveInterval"/> (a key lapses 60 min after its last keep-alive), and <c>ORDER_TRADE_UPDATE</c>
/// events as <see cref="OrderUpdate"/>. Every (re)connect asks for a key again (Binance returns the live one or a new
/// one); a <c>listenKeyExpired</c> event ends the connection so the next one gets a fresh key.
/// </summary>
public sealed class BinanceOrderUpdateFeed : IOrderUpdateFeed
{
    private readonly HttpClient _http;
    private readonly Uri _restBaseUrl;
    private readonly Uri _streamBaseUrl;
    private readonly ExchangeCredentials _credentials;
    private readonly StreamConnectionOptions _options;
    private readonly ILogger? _logger;

    /// <summary>
    /// <paramref name="restBaseUrl"/>: the fapi base (e.g. <c>https://fapi.binance.com</c>); <paramref name="streamBaseUrl"/>:
    /// e.g. <c>wss://fstream.binance.com</c>; <paramref name="credentials"/>: the futures key (only its API key is sent).
    /// </summary>
    public BinanceOrderUpdateFeed(HttpClient http, Uri restBaseUrl, Uri streamBaseUrl, ExchangeCredentials credentials, StreamConnectionOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(restBaseUrl);
        ArgumentNullException.ThrowIfNull(streamBaseUrl);
        ArgumentNullException.ThrowIfNull(credentials);
        _http = http;
        _restBaseUrl = restBaseUrl;
        _streamBaseUrl = streamBaseUrl;
        _credentials = credentials;
        // Binance sends nothing on a quiet account, so silence says little: rely on its pings and the TCP connection.
        _options = options ?? new StreamConnectionOptions { SilenceTimeout = TimeSpan.FromHours(1) };
        _logger = logger;
    }

    public TimeSpan KeepAliveInterval { get; init; } = TimeSpan.FromMinutes(30);

    public async IAsyncEnumerable<OrderUpdate> OrderUpdatesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var socket = new ReconnectingWebSocket(
            async ct => new Uri(_streamBaseUrl, "/ws/" + await ListenKeyAsync(HttpMethod.Post, ct).ConfigureAwait(false)),
            new StreamProtocol { EndsConnection = static m => m.Contains("\"listenKeyExpired\"", StringComparison.Ordinal) },
            _options,
            _logger);
        using var keepAliveStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var keepAlive = KeepAliveAsync(keepAliveStop.Token);
        try
        {
            await foreach (var message in socket.MessagesAsync(cancellationToken).ConfigureAwait(false))
            {
                if (ParseOrderUpdate(message) is { } update)
                {
                    yield return update;
                }
            }
        }
        finally
        {
            await keepAliveStop.CancelAsync().ConfigureAwait(false);
            await keepAlive.ConfigureAwait(false);
        }
    }

    private async Task<string> ListenKeyAsync(HttpMethod method, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_restBaseUrl, "/fapi/v1/listenKey"));
        request.Headers.Add("X-MBX-APIKEY", _credentials.ApiKey);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{method} /fapi/v1/listenKey: HTTP {(int)response.StatusCode}", null, response.StatusCode);
        }

        using var body = await response.Content.ReadFromJsonAsync<JsonDocument>(cancellationToken).ConfigureAwait(false);
        return body!.RootElement.GetProperty("listenKey").GetString()!;
    }

    private async Task KeepAliveAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(KeepAliveInterval, _options.TimeProvider, stop).ConfigureAwait(false);
                await ListenKeyAsync(HttpMethod.Put, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException or JsonException)
            {
                // The next connect asks for a key anyway (and a lapsed key ends the stream with listenKeyExpired).
                _logger?.LogWarning("Binance listen key keep-alive failed: {Message}", e.Message);
            }
        }
    }

    /// <summary>An <c>ORDER_TRADE_UPDATE</c> event, or null for any other message.</summary>
    internal static OrderUpdate? ParseOrderUpdate(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("e", out var type) || type.GetString() != "ORDER_TRADE_UPDATE")
        {
            return null;
        }

        var o = root.GetProperty("o");
        return new OrderUpdate(
            o.GetProperty("s").GetString()!,
            o.GetProperty("c").GetString()!,
            o.GetProperty("i").GetInt64().ToString(CultureInfo.InvariantCulture),
            o.GetProperty("S").GetString() == "BUY" ? OrderSide.Buy : OrderSide.Sell,
            o.GetProperty("x").GetString()!,
            o.GetProperty("X").GetString() switch
            {
                "NEW" => OrderStatus.New,
                "PARTIALLY_FILLED" => OrderStatus.PartiallyFilled,
                "FILLED" => OrderStatus.Filled,
                "CANCELED" => OrderStatus.Canceled,
                "EXPIRED" or "EXPIRED_IN_MATCH" => OrderStatus.Expired,
                var other => throw new JsonException($"ORDER_TRADE_UPDATE with unknown order status '{other}'"),
            },
            Decimal(o, "q"),
            Decimal(o, "p"),
            Decimal(o, "z"),
            Decimal(o, "ap"),
            Decimal(o, "l"),
            Decimal(o, "L"),
            DateTimeOffset.FromUnixTimeMilliseconds(root.GetProperty("E").GetInt64()));
    }

    private static decimal Decimal(JsonElement o, string name) => StreamJson.Decimal(o, name) ?? 0m;
}
