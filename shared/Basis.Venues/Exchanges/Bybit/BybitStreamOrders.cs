using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Basis.Venues.Exchanges.Signing;
using Basis.Venues.Exchanges.Streams;
using Microsoft.Extensions.Logging;

namespace Basis.Venues.Exchanges.Bybit;

/// <summary>
/// Bybit v5 private stream (<c>/v5/private</c>): on every (re)connect <c>{"op":"auth","args":[apiKey, expires,
/// signature]}</c> (signature = hex HMAC of <c>GET/realtime</c> + expires), then, once Bybit answers
/// <c>"success":true</c>, <c>{"op":"subscribe","args":["order.linear"]}</c>; <c>{"op":"ping"}</c> every 20 s. Each
/// item of an <c>order</c> push becomes an <see cref="OrderUpdate"/>. A refused auth ends the enumeration with an
/// <see cref="ExchangeException"/> of kind <see cref="ExchangeErrorKind.Authentication"/>.
/// </summary>
public sealed class BybitOrderUpdateFeed : IOrderUpdateFeed
{
    private const string Topic = "order.linear";
    private readonly Uri _url;
    private readonly ExchangeCredentials _credentials;
    private readonly StreamConnectionOptions _options;
    private readonly ILogger? _logger;

    /// <summary><paramref name="url"/>: the private endpoint itself (<see cref="StreamEndpoints.PrivateFor"/>, or a simulator's <c>ws://…/v5/private</c>).</summary>
    public BybitOrderUpdateFeed(Uri url, ExchangeCredentials credentials, StreamConnectionOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(credentials);
        _url = url;
        _credentials = credentials;
        _options = options ?? new StreamConnectionOptions();
        _logger = logger;
    }

    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How far past the local clock the auth's expiry is set: room for latency and a clock a little behind Bybit's.</summary>
    public TimeSpan AuthValidity { get; init; } = TimeSpan.FromSeconds(10);

    public async IAsyncEnumerable<OrderUpdate> OrderUpdatesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var protocol = BybitStreamClient.Protocol(Topic, PingInterval) with
        {
            Login = () => AuthMessage(_credentials, (_options.TimeProvider.GetUtcNow() + AuthValidity).ToUnixTimeMilliseconds()),
            LoginAccepted = AuthAccepted,
        };
        var socket = new ReconnectingWebSocket(_url, protocol, _options, _logger);
        var orders = new Orders();
        await foreach (var message in socket.MessagesAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var update in orders.Apply(message))
            {
                yield return update;
            }
        }
    }

    internal static string AuthMessage(ExchangeCredentials credentials, long expiresMs) => new JsonObject
    {
        ["op"] = "auth",
        ["args"] = new JsonArray(credentials.ApiKey, expiresMs, BybitSigner.SignWebSocketAuth(credentials.Secret, expiresMs)),
    }.ToJsonString();

    /// <summary>True for <c>{"op":"auth","success":true}</c>; throws on <c>"success":false</c> (with Bybit's <c>ret_msg</c>).</summary>
    internal static bool AuthAccepted(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("op", out var op) || op.GetString() != "auth")
        {
            return false;
        }

        return root.TryGetProperty("success", out var success) && success.ValueKind == JsonValueKind.True
            ? true
            : throw new ExchangeException(
                ExchangeVenue.Bybit,
                ExchangeErrorKind.Authentication,
                null,
                "WebSocket auth refused: " + (root.TryGetProperty("ret_msg", out var message) ? message.GetString() : json));
    }

    /// <summary>
    /// The <c>order</c> topic's items as updates. Bybit pushes the order's totals but not the fill that moved them, so
    /// the last fill is the change in <c>cumExecQty</c> / <c>cumExecValue</c> since this feed last saw the order (all of
    /// it the first time); orders are forgotten once final.
    /// </summary>
    internal sealed class Orders
    {
        private readonly Dictionary<string, (decimal Quantity, decimal Value)> _filled = new(StringComparer.Ordinal);

        public IReadOnlyList<OrderUpdate> Apply(string json)
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("topic", out var topic)
                || topic.GetString() is not ("order" or Topic) || !root.TryGetProperty("data", out var data))
            {
                return [];
            }

            var updates = new List<OrderUpdate>();
            foreach (var item in data.EnumerateArray())
            {
                if (item.TryGetProperty("category", out var category) && category.GetString() != "linear")
                {
                    continue; // the all-in-one "order" topic also carries spot and options
                }

                updates.Add(Apply(item));
            }

            return updates;
        }

        private OrderUpdate Apply(JsonElement item)
        {
            var orderId = item.GetProperty("orderId").GetString()!;
            var status = BybitOrderStatuses.Parse(item.GetProperty("orderStatus").GetString()!);
            var filled = StreamJson.Decimal(item, "cumExecQty") ?? 0m;
            var average = StreamJson.Decimal(item, "avgPrice") ?? 0m;
            var value = StreamJson.Decimal(item, "cumExecValue") ?? filled * average;
            var (seenQuantity, seenValue) = _filled.GetValueOrDefault(orderId);
            var lastQuantity = filled - seenQuantity;
            var lastPrice = lastQuantity > 0 ? (value - seenValue) / lastQuantity : 0m;
            if (status is OrderStatus.New or OrderStatus.PartiallyFilled)
            {
                _filled[orderId] = (filled, value);
            }
            else
            {
                _filled.Remove(orderId);
            }

            return new OrderUpdate(
                item.GetProperty("symbol").GetString()!,
                item.GetProperty("orderLinkId").GetString()!,
                orderId,
                item.GetProperty("side").GetString() == "Buy" ? OrderSide.Buy : OrderSide.Sell,
                OrderExecution.Of(status, lastQuantity),
                status,
                StreamJson.Decimal(item, "qty") ?? 0m,
                item.GetProperty("orderType").GetString() == "Limit" ? StreamJson.Decimal(item, "price") ?? 0m : 0m, // a market order's price is Bybit's slippage cap
                filled,
                average,
                lastQuantity,
                lastPrice,
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(item.GetProperty("updatedTime").GetString()!, CultureInfo.InvariantCulture)));
        }
    }
}
