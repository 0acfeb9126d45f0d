using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Basis.Venues.Exchanges.Signing;
using Basis.Venues.Exchanges.Streams;
using Microsoft.Extensions.Logging;

namespace Basis.Venues.Exchanges.Okx;

/// <summary>
/// OKX v5 private stream (<c>/ws/v5/private</c>): on every (re)connect <c>{"op":"login","args":[{apiKey, passphrase,
/// timestamp, sign}]}</c> (timestamp in Unix seconds, sign = base64 HMAC of timestamp + <c>GET/users/self/verify</c>),
/// then, once OKX answers <c>"event":"login"</c>, the <c>orders</c> channel of SWAP; the text <c>ping</c> every 25 s.
/// Each pushed order becomes an <see cref="OrderUpdate"/> in base units: OKX sizes swaps in contracts, converted with
/// the instrument's ctVal as <see cref="OkxExchangeClient"/> knows it. A refused login (<c>"event":"error"</c>, e.g.
/// 60009) ends the enumeration with an <see cref="ExchangeException"/> of kind <see cref="ExchangeErrorKind.Authentication"/>.
/// </summary>
public sealed class OkxOrderUpdateFeed : IOrderUpdateFeed
{
    private const string VerifyPath = "/users/self/verify";
    private readonly Uri _url;
    private readonly ExchangeCredentials _credentials;
    private readonly Func<string, CancellationToken, Task<decimal>> _contractValue;
    private readonly StreamConnectionOptions _options;
    private readonly ILogger? _logger;

    /// <summary>
    /// <paramref name="url"/>: the private endpoint itself (<see cref="StreamEndpoints.PrivateFor"/>, or a simulator's
    /// <c>ws://…/ws/v5/private</c>); <paramref name="instruments"/>: the REST client whose cached ctVal lookup converts sizes.
    /// </summary>
    public OkxOrderUpdateFeed(Uri url, ExchangeCredentials credentials, OkxExchangeClient instruments, StreamConnectionOptions? options = null, ILogger? logger = null)
        : this(url, credentials, (instruments ?? throw new ArgumentNullException(nameof(instruments))).ContractValueAsync, options, logger)
    {
    }

    internal OkxOrderUpdateFeed(Uri url, ExchangeCredentials credentials, Func<string, CancellationToken, Task<decimal>> contractValue, StreamConnectionOptions? options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(credentials);
        if (credentials.Passphrase is null)
        {
            throw new ArgumentException("OKX credentials need a passphrase.", nameof(credentials));
        }

        _url = url;
        _credentials = credentials;
        _contractValue = contractValue;
        _options = options ?? new StreamConnectionOptions();
        _logger = logger;
    }

    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(25);

    public async IAsyncEnumerable<OrderUpdate> OrderUpdatesAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var protocol = OkxStreamClient.Protocol("""{"channel":"orders","instType":"SWAP"}""", PingInterval) with
        {
            Login = () => LoginMessage(_credentials, _options.TimeProvider.GetUtcNow().ToUnixTimeSeconds()),
            LoginAccepted = LoginAccepted,
        };
        var socket = new ReconnectingWebSocket(_url, protocol, _options, _logger);
        await foreach (var message in socket.MessagesAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var update in await ParseAsync(message, _contractValue, cancellationToken).ConfigureAwait(false))
            {
                yield return update;
            }
        }
    }

    internal static string LoginMessage(ExchangeCredentials credentials, long unixSeconds)
    {
        var timestamp = unixSeconds.ToString(CultureInfo.InvariantCulture);
        return new JsonObject
        {
            ["op"] = "login",
            ["args"] = new JsonArray(new JsonObject
            {
                ["apiKey"] = credentials.ApiKey,
                ["passphrase"] = credentials.Passphrase,
                ["timestamp"] = timestamp,
                ["sign"] = OkxSigner.Sign(credentials.Secret, timestamp, HttpMethod.Get, VerifyPath),
            }),
        }.ToJsonString();
    }

    /// <summary>True for <c>{"event":"login","code":"0"}</c>; throws on an <c>error</c> event (with OKX's code and msg).</summary>
    internal static bool LoginAccepted(string json)
    {
        if (!json.StartsWith('{'))
        {
            return false; // pong
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var kind = root.TryGetProperty("event", out var e) ? e.GetString() : null;
        var code = root.TryGetProperty("code", out var c) ? c.GetString() : null;
        return kind switch
        {
            "login" when code == "0" => true,
            "login" or "error" => throw new ExchangeException(
                ExchangeVenue.Okx,
                ExchangeErrorKind.Authentication,
                code,
                "WebSocket login refused: " + (root.TryGetProperty("msg", out var message) ? message.GetString() : json)),
            _ => false,
        };
    }

    /// <summary>An <c>orders</c> push as updates, sizes (contracts) times <paramref name="contractValue"/> of the row's instrument.</summary>
    internal static async Task<IReadOnlyList<OrderUpdate>> ParseAsync(
        string json, Func<string, CancellationToken, Task<decimal>> contractValue, CancellationToken cancellationToken)
    {
        if (!json.StartsWith('{'))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (!root.TryGetProperty("arg", out var arg) || !arg.TryGetProperty("channel", out var channel) || channel.GetString() != "orders"
            || !root.TryGetProperty("data", out var data))
        {
            return [];
        }

        var updates = new List<OrderUpdate>();
        foreach (var row in data.EnumerateArray())
        {
            var instId = row.GetProperty("instId").GetString()!;
            var ctVal = await contractValue(instId, cancellationToken).ConfigureAwait(false);
            var status = OkxOrderStates.Parse(row.GetProperty("state").GetString()!);
            var lastFill = (StreamJson.Decimal(row, "fillSz") ?? 0m) * ctVal;
            updates.Add(new OrderUpdate(
                instId,
                row.GetProperty("clOrdId").GetString()!,
                row.GetProperty("ordId").GetString()!,
                row.GetProperty("side").GetString() == "buy" ? OrderSide.Buy : OrderSide.Sell,
                OrderExecution.Of(status, lastFill),
                status,
                (StreamJson.Decimal(row, "sz") ?? 0m) * ctVal,
                StreamJson.Decimal(row, "px") ?? 0m,
                (StreamJson.Decimal(row, "accFillSz") ?? 0m) * ctVal,
                StreamJson.Decimal(row, "avgPx") ?? 0m,
                lastFill,
                lastFill > 0 ? StreamJson.Decimal(row, "fillPx") ?? 0m : 0m,
                DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(row.GetProperty("uTime").GetString()!, CultureInfo.InvariantCulture))));
        }

        return updates;
    }
}
