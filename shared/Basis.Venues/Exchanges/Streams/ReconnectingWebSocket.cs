using System.Buffers;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Basis.Venues.Exchanges.Streams;

/// <summary>
/// A <see cref="ClientWebSocket"/> that stays connected for as long as its messages are enumerated: a connection
/// that fails, closes or stays silent past <see cref="StreamConnectionOptions.SilenceTimeout"/> is replaced after a
/// capped, jittered exponential back-off, the venue's login (private streams) and subscribe messages are sent again,
/// and the enumeration carries on with the new connection's messages. Protocol-level pings are answered by <see cref="ClientWebSocket"/>;
/// application-level keep-alives follow <see cref="StreamProtocol"/>. Cancellation closes the connection and ends the
/// enumeration without an exception.
/// </summary>
public sealed class ReconnectingWebSocket
{
    private const int ReceiveBufferSize = 16 * 1024;
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);
    private readonly Func<CancellationToken, Task<Uri>> _address;
    private readonly StreamProtocol _protocol;
    private readonly StreamConnectionOptions _options;
    private readonly ILogger _logger;
    private int _connections;

    /// <summary><paramref name="address"/> is asked for the URL before every connection (a Binance listen key may change).</summary>
    public ReconnectingWebSocket(Func<CancellationToken, Task<Uri>> address, StreamProtocol protocol, StreamConnectionOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(options);
        _address = address;
        _protocol = protocol;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
    }

    public ReconnectingWebSocket(Uri address, StreamProtocol protocol, StreamConnectionOptions options, ILogger? logger = null)
        : this(_ => Task.FromResult(address), protocol, options, logger)
    {
    }

    /// <summary>Connections opened so far (by every enumeration of <see cref="MessagesAsync"/>).</summary>
    public int ConnectionCount => Volatile.Read(ref _connections);

    /// <summary>Text messages from the venue, across reconnects, until <paramref name="cancellationToken"/> fires or the caller stops.</summary>
    public async IAsyncEnumerable<string> MessagesAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var socket = await ConnectAsync(cancellationToken).ConfigureAwait(false);
            if (socket is null)
            {
                if (!await BackOffAsync(attempt++, cancellationToken).ConfigureAwait(false))
                {
                    yield break;
                }

                continue;
            }

            var number = Interlocked.Increment(ref _connections);
            _options.Connected?.Invoke(number);
            using var keepAliveStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var keepAlive = KeepAliveAsync(socket, keepAliveStop.Token);
            string reason;
            try
            {
                while (true)
                {
                    var (message, ended) = await ReceiveAsync(socket, cancellationToken).ConfigureAwait(false);
                    if (message is null)
                    {
                        reason = ended!;
                        break;
                    }

                    attempt = 0; // a connection that delivers counts as recovered
                    if (_protocol.EndsConnection(message))
                    {
                        reason = "the venue asked for a new connection";
                        break;
                    }

                    if (!_protocol.IsControlMessage(message))
                    {
                        yield return message;
                    }
                }
            }
            finally
            {
                await keepAliveStop.CancelAsync().ConfigureAwait(false);
                await keepAlive.ConfigureAwait(false);
                await CloseAsync(socket).ConfigureAwait(false);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            _logger.LogWarning("Stream connection {Number} ended ({Reason}); reconnecting", number, reason);
            _options.Disconnected?.Invoke(reason);
            if (!await BackOffAsync(attempt++, cancellationToken).ConfigureAwait(false))
            {
                yield break;
            }
        }
    }

    private async Task<ClientWebSocket?> ConnectAsync(CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        try
        {
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout, _options.TimeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            var uri = await _address(linked.Token).ConfigureAwait(false);
            await socket.ConnectAsync(uri, linked.Token).ConfigureAwait(false);
            if (_protocol.Login is { } login)
            {
                await SendAsync(socket, login(), linked.Token).ConfigureAwait(false);
                await AwaitLoginAsync(socket, linked.Token).ConfigureAwait(false);
            }

            foreach (var subscribe in _protocol.SubscribeMessages)
            {
                await SendAsync(socket, subscribe, linked.Token).ConfigureAwait(false);
            }

            return socket;
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or HttpRequestException or IOException
            or ExchangeException { Kind: not ExchangeErrorKind.Authentication })
        {
            socket.Dispose();
            if (!cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("Stream connect failed: {Message}", e.Message);
                _options.Disconnected?.Invoke("connect failed: " + e.Message);
            }

            return null;
        }
        catch
        {
            socket.Dispose(); // a refused login (or a venue answering nonsense) ends the enumeration
            throw;
        }
    }

    private static Task SendAsync(ClientWebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);

    // Reads until the venue answers the login (within the connect timeout); a connection that ends first is retried.
    private async Task AwaitLoginAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (message, ended) = await ReceiveAsync(socket, cancellationToken).ConfigureAwait(false);
            if (message is null)
            {
                throw new WebSocketException("the connection ended before the login was answered: " + ended);
            }

            if (_protocol.LoginAccepted(message))
            {
                return;
            }
        }
    }

    // One whole text message, or null and why the connection is over (closed, broken, silent, cancelled).
    private async Task<(string? Message, string? Ended)> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        using var silence = new CancellationTokenSource(_options.SilenceTimeout, _options.TimeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, silence.Token);
        var buffer = ArrayPool<byte>.Shared.Rent(ReceiveBufferSize);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                var result = await socket.ReceiveAsync(buffer.AsMemory(), linked.Token).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return (null, $"closed by the server ({socket.CloseStatus} {socket.CloseStatusDescription})");
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return (Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length), null);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"silent for {_options.SilenceTimeout.TotalSeconds:0.###} s");
        }
        catch (OperationCanceledException)
        {
            return (null, "cancelled");
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            return (null, "broken: " + e.Message);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task KeepAliveAsync(ClientWebSocket socket, CancellationToken stop)
    {
        if (_protocol.KeepAliveMessage is not { } ping)
        {
            return;
        }

        var bytes = Encoding.UTF8.GetBytes(ping);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(_protocol.KeepAliveInterval, _options.TimeProvider, stop).ConfigureAwait(false);
                await socket.SendAsync(bytes, WebSocketMessageType.Text, true, stop).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // Stopped, or the connection broke: the receive loop notices and reconnects.
        }
    }

    private async Task<bool> BackOffAsync(int attempt, CancellationToken cancellationToken)
    {
        var delay = ReconnectBackoff.Delay(
            attempt, _options.InitialReconnectDelay, _options.MaxReconnectDelay, _options.JitterFraction, _options.Random?.Invoke() ?? Random.Shared.NextDouble());
        try
        {
            await (_options.Delay?.Invoke(delay, cancellationToken) ?? Task.Delay(delay, _options.TimeProvider, cancellationToken)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        return !cancellationToken.IsCancellationRequested;
    }

    private static async Task CloseAsync(ClientWebSocket socket)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(CloseTimeout);
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, timeout.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            // Closing is a courtesy; the socket is disposed either way.
        }
        finally
        {
            socket.Dispose();
        }
    }
}
