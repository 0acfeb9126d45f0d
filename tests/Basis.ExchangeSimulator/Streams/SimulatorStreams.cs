using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Basis.ExchangeSimulator.Accounting;

namespace Basis.ExchangeSimulator.Streams;

/// <summary>
/// The venues' public WebSocket market streams, pushing from each venue's tape: one push per simulated hour whenever
/// <c>POST /_sim/clock</c> moves the clock (event time = that hour), the current values every
/// <see cref="StreamSettings.PushIntervalMs"/> of wall-clock time, and the current values at once on (subscribe to)
/// a new stream.
/// <list type="bullet">
/// <item>Binance <c>/ws/&lt;symbol&gt;@markPrice[@1s]</c> (several joined by <c>/</c>): <c>markPriceUpdate</c> events.</item>
/// <item>Bybit <c>/v5/public/linear</c>: <c>{"op":"subscribe","args":["tickers.BTCUSDT"]}</c>, then a <c>tickers</c>
/// snapshot and deltas (funding fields only when they change); <c>{"op":"ping"}</c> is answered.</item>
/// <item>OKX <c>/ws/v5/public</c>: <c>mark-price</c> and <c>funding-rate</c> of <c>BTC-USDT-SWAP</c> /
/// <c>ETH-USDT-SWAP</c> (funding pushed when it changes); the text <c>ping</c> is answered with <c>pong</c>.</item>
/// <item>Private order streams: Binance's user data (listen key), Bybit <c>/v5/private</c> and OKX
/// <c>/ws/v5/private</c> (log in, then subscribe), pushing every change to the account's orders.</item>
/// </list>
/// Control: <c>GET/POST /_sim/streams</c> (settings; open, accepted and subscribed connections) and
/// <c>POST /_sim/streams/drop</c> (aborts every open connection, as a network drop).
/// </summary>
internal sealed partial class SimulatorStreams
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(20);
    private readonly ExchangeState _binance;
    private readonly ExchangeState _bybit;
    private readonly ExchangeState _okx;
    private readonly CancellationToken _stopping;
    private readonly ConcurrentDictionary<int, (WebSocket Socket, HttpContext Context, StreamConnection Connection)> _open = new();
    private StreamSettings _settings = new();
    private int _accepted;
    private long _sequence;

    private SimulatorStreams(ExchangeState binance, ExchangeState bybit, ExchangeState okx, CancellationToken stopping)
    {
        _binance = binance;
        _bybit = bybit;
        _okx = okx;
        _stopping = stopping;
    }

    private delegate IEnumerable<string> Formatter(StreamConnection connection, string key, long unixSeconds, bool first);

    /// <summary>Maps the stream endpoints (call <c>app.UseWebSockets()</c> first).</summary>
    public static void Map(WebApplication app, ExchangeState binance, ExchangeState bybit, ExchangeState okx)
    {
        var hub = new SimulatorStreams(binance, bybit, okx, app.Lifetime.ApplicationStopping);
        app.Map("/ws/v5/public", c => hub.ServeAsync(c, hub._okx, [], OkxReply, hub.Okx));
        app.Map("/v5/public/linear", c => hub.ServeAsync(c, hub._bybit, [], BybitReply, hub.Bybit));
        app.Map("/ws/v5/private", c => hub.ServeAsync(c, hub._okx, [], hub.OkxPrivateReply, hub.OkxOrders));
        app.Map("/v5/private", c => hub.ServeAsync(c, hub._bybit, [], hub.BybitPrivateReply, hub.BybitOrders));
        app.Map("/ws/{**streams}", (HttpContext c, string streams) => hub.BinanceAsync(c, streams));
        hub.MapListenKeys(app);
        app.MapGet("/_sim/streams", hub.Status);
        app.MapPost("/_sim/streams", (StreamSettings settings) =>
        {
            if (settings.PushIntervalMs is < 10 or > 600_000)
            {
                return Results.Problem(statusCode: 400, detail: "push_interval_ms must be in 10–600000");
            }

            Volatile.Write(ref hub._settings, settings);
            return hub.Status();
        });
        app.MapPost("/_sim/streams/drop", () =>
        {
            var dropped = 0;
            foreach (var (id, (socket, context, _)) in hub._open)
            {
                if (hub._open.TryRemove(id, out _))
                {
                    // The connection first (a network drop), then the socket; one that is closing as we drop it may refuse.
                    try
                    {
                        context.Abort();
                        socket.Abort();
                    }
                    catch (Exception e) when (e is ObjectDisposedException or InvalidOperationException or IOException or WebSocketException)
                    {
                        // Gone already.
                    }

                    dropped++;
                }
            }

            return Results.Ok(new { dropped });
        });
    }

    private IResult Status() => Results.Ok(new
    {
        push_interval_ms = Volatile.Read(ref _settings).PushIntervalMs,
        silent = Volatile.Read(ref _settings).Silent,
        open = _open.Count,
        accepted = Volatile.Read(ref _accepted),
        subscribed = _open.Values.Count(o => o.Connection.Subscriptions.Values.Any(started => started)),
    });

    [GeneratedRegex("^([a-z0-9]+)@markPrice(@1s)?$")]
    private static partial Regex MarkPriceStream();

    private async Task BinanceAsync(HttpContext context, string streams)
    {
        if (_listenKeys.TryGetValue(streams, out var apiKey))
        {
            await ServeAsync(context, _binance, ["user:" + apiKey], static (_, _) => { }, BinanceUserData).ConfigureAwait(false);
            return;
        }

        var symbols = new List<string>();
        foreach (var name in streams.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var match = MarkPriceStream().Match(name);
            var symbol = match.Success ? match.Groups[1].Value.ToUpperInvariant() : null;
            if (symbol is null || !_binance.Instruments.ContainsKey(symbol))
            {
                context.Response.StatusCode = 400;
                await context.Response.WriteAsync($"unknown stream '{name}'", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            symbols.Add(symbol);
        }

        await ServeAsync(context, _binance, symbols, static (_, _) => { }, Binance).ConfigureAwait(false);
    }

    private async Task ServeAsync(HttpContext context, ExchangeState state, List<string> keys, Action<StreamConnection, string> onMessage, Formatter format)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var connection = new StreamConnection(Interlocked.Increment(ref _accepted));
        foreach (var key in keys)
        {
            connection.Subscriptions[key] = false;
        }

        // The user data stream's baseline (the orders that exist) is taken before the connection counts as open, so
        // an order placed once GET /_sim/streams shows it open is pushed.
        foreach (var key in keys.Where(k => k.StartsWith("user:", StringComparison.Ordinal)))
        {
            lock (state.Sync)
            {
                _ = format(connection, key, state.NowSeconds, first: true).ToList();
            }

            connection.Subscriptions[key] = true;
        }

        _open[connection.Id] = (socket, context, connection);
        using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping);
        var reading = ReadAsync(socket, connection, onMessage, done);
        try
        {
            await PushAsync(socket, connection, state, format, done.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // Dropped, closed by the client, or the simulator is stopping.
        }
        finally
        {
            _open.TryRemove(connection.Id, out _);
            await done.CancelAsync().ConfigureAwait(false);
            await reading.ConfigureAwait(false);
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                try
                {
                    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
                    await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "simulator stopping", timeout.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException)
                {
                    // The client is gone already.
                }
            }
        }
    }

    // Reads the client's text messages (ops) and hands them to the venue; a close ends the connection.
    private static async Task ReadAsync(WebSocket socket, StreamConnection connection, Action<StreamConnection, string> onMessage, CancellationTokenSource done)
    {
        var buffer = new byte[8192];
        try
        {
            using var message = new MemoryStream();
            while (!done.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, done.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    onMessage(connection, Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length));
                    message.SetLength(0);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException or JsonException)
        {
            // Ends with the connection.
        }

        await done.CancelAsync().ConfigureAwait(false);
    }

    private async Task PushAsync(WebSocket socket, StreamConnection connection, ExchangeState state, Formatter format, CancellationToken cancellationToken)
    {
        long seen;
        lock (state.Sync)
        {
            seen = state.NowSeconds;
        }

        var lastPush = DateTime.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            var settings = Volatile.Read(ref _settings);
            var outgoing = new List<string>();
            while (connection.Replies.TryDequeue(out var reply))
            {
                if (!settings.Silent)
                {
                    outgoing.Add(reply);
                }
            }

            var pushed = false;
            lock (state.Sync)
            {
                var now = state.NowSeconds;
                if (!settings.Silent)
                {
                    var keys = connection.Subscriptions.Keys.Order(StringComparer.Ordinal).ToList();
                    foreach (var key in keys.Where(k => !connection.Subscriptions[k]))
                    {
                        outgoing.AddRange(format(connection, key, now, first: true));
                        connection.Subscriptions[key] = true;
                        pushed = true;
                    }

                    var live = keys.Where(k => connection.Subscriptions[k]).ToList();
                    for (var hour = seen + 3600; hour <= now; hour += 3600)
                    {
                        foreach (var key in live)
                        {
                            outgoing.AddRange(format(connection, key, hour, first: false));
                            pushed = true;
                        }
                    }

                    if (!pushed && DateTime.UtcNow - lastPush >= TimeSpan.FromMilliseconds(settings.PushIntervalMs))
                    {
                        foreach (var key in live)
                        {
                            outgoing.AddRange(format(connection, key, now, first: false));
                            pushed = true;
                        }
                    }
                }

                seen = now;
            }

            foreach (var text in outgoing)
            {
                await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken).ConfigureAwait(false);
            }

            if (pushed)
            {
                lastPush = DateTime.UtcNow;
            }

            await Task.Delay(Tick, cancellationToken).ConfigureAwait(false);
        }
    }
}
