using System.Net;
using System.Net.Sockets;
using Basis.Venues.Exchanges.Binance;
using Basis.Venues.Exchanges.Streams;

namespace Basis.Venues.Tests.Streams;

/// <summary>
/// <see cref="BinanceStreamClient"/> against the simulator's <c>/ws/&lt;symbol&gt;@markPrice@1s</c>: values after
/// clock moves, reconnects after a drop and after silence, and cancellation. Waits are generous timeouts only.
/// </summary>
public sealed class BinanceStreamAgainstSimulatorTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private static StreamConnectionOptions FastOptions(Action<int>? connected = null) => new()
    {
        InitialReconnectDelay = TimeSpan.FromMilliseconds(50),
        MaxReconnectDelay = TimeSpan.FromMilliseconds(500),
        SilenceTimeout = TimeSpan.FromSeconds(1),
        Connected = connected,
    };

    [Fact]
    public async Task Updates_carry_the_tapes_mark_and_funding_for_every_hour_the_clock_moves()
    {
        await using var rig = await StreamRig.StartAsync(pushIntervalMs: 100);
        var client = new BinanceStreamClient(rig.WebSocketBaseUrl, FastOptions());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(Generous);
        long start;
        lock (rig.Host.Binance.Sync)
        {
            start = rig.Host.Binance.NowSeconds;
        }

        var seen = new List<MarkPriceUpdate>();
        await foreach (var update in client.MarkPricesAsync("BTCUSDT", stop.Token))
        {
            seen.Add(update);
            if (seen.Count == 1)
            {
                await rig.AdvanceHoursAsync(3);
            }

            if (update.EventTime.ToUnixTimeSeconds() == start + (3 * 3600))
            {
                break;
            }
        }

        Assert.False(stop.IsCancellationRequested, "the hour three hours on never arrived");
        Assert.Equal(start, seen[0].EventTime.ToUnixTimeSeconds());
        var hourly = seen.Where(u => u.EventTime.ToUnixTimeSeconds() > start).Select(u => u.EventTime.ToUnixTimeSeconds()).ToArray();
        Assert.Equal([start + 3600, start + 7200, start + 10800], hourly);
        var tape = rig.Host.Binance.Tape;
        foreach (var update in seen)
        {
            var t = update.EventTime.ToUnixTimeSeconds();
            var next = tape.NextFundingTime("BTCUSDT", t)!.Value;
            Assert.Equal("BTCUSDT", update.Symbol);
            Assert.Equal(Math.Round(tape.MarkAt("BTCUSDT", t), 8), update.MarkPrice);
            Assert.Equal(update.MarkPrice, update.IndexPrice);
            Assert.Equal(Math.Round(tape.FundingAt("BTCUSDT", next)!.Value, 8), update.FundingRate);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(next), update.NextFundingTime);
        }
    }

    [Fact]
    public async Task After_the_server_drops_every_connection_the_enumeration_continues_on_a_new_one()
    {
        await using var rig = await StreamRig.StartAsync(pushIntervalMs: 100);
        var connections = 0;
        var client = new BinanceStreamClient(rig.WebSocketBaseUrl, FastOptions(n => Volatile.Write(ref connections, n)));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(Generous);
        long start;
        lock (rig.Host.Binance.Sync)
        {
            start = rig.Host.Binance.NowSeconds;
        }

        var dropped = false;
        var count = 0;
        MarkPriceUpdate? afterDrop = null;
        await foreach (var update in client.MarkPricesAsync("BTCUSDT", stop.Token))
        {
            count++;
            if (!dropped)
            {
                Assert.Equal(1, await rig.DropAsync());
                await rig.AdvanceHoursAsync(1);
                dropped = true;
            }
            else if (update.EventTime.ToUnixTimeSeconds() == start + 3600)
            {
                afterDrop = update;
                break;
            }
        }

        Assert.NotNull(afterDrop);
        Assert.Equal(Math.Round(rig.Host.Binance.Tape.MarkAt("BTCUSDT", start + 3600), 8), afterDrop.MarkPrice);
        Assert.True(Volatile.Read(ref connections) >= 2, $"{connections} connection(s)");
        Assert.True((await rig.ConnectionsAsync()).Accepted >= 2);
    }

    [Fact]
    public async Task A_silent_server_is_left_for_a_new_connection_and_updates_resume()
    {
        await using var rig = await StreamRig.StartAsync(pushIntervalMs: 100);
        var connections = 0;
        var client = new BinanceStreamClient(rig.WebSocketBaseUrl, FastOptions(n => Volatile.Write(ref connections, n)));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(Generous);

        var count = 0;
        var connectionsWhenSilenced = 0;
        Task? unsilence = null;
        await foreach (var update in client.MarkPricesAsync("ETHUSDT", stop.Token))
        {
            count++;
            if (count == 1)
            {
                connectionsWhenSilenced = Volatile.Read(ref connections);
                await rig.SetAsync(100, silent: true);

                // While the enumeration waits, the client gives up on the silent connection after 1 s and opens
                // another (still silent); then the server speaks again.
                unsilence = Task.Run(
                    async () =>
                    {
                        await StreamRig.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref connections) > connectionsWhenSilenced), "a reconnect");
                        await rig.SetAsync(100, silent: false);
                    },
                    stop.Token);
            }
            else
            {
                Assert.Equal("ETHUSDT", update.Symbol);
                break;
            }
        }

        await unsilence!;
        Assert.Equal(2, count);
        Assert.Equal(1, connectionsWhenSilenced);
        Assert.True(Volatile.Read(ref connections) >= 2);
    }

    [Fact]
    public async Task Cancellation_ends_the_enumeration_without_an_exception_and_closes_the_connection()
    {
        await using var rig = await StreamRig.StartAsync(pushIntervalMs: 100);
        var client = new BinanceStreamClient(rig.WebSocketBaseUrl, FastOptions());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(Generous);

        var count = 0;
        var enumeration = Task.Run(
            async () =>
            {
                await foreach (var update in client.MarkPricesAsync("BTCUSDT", stop.Token))
                {
                    Interlocked.Increment(ref count);
                }
            },
            guard.Token);
        await StreamRig.WaitUntilAsync(() => Task.FromResult(Volatile.Read(ref count) >= 2), "two updates");
        await stop.CancelAsync();

        await enumeration.WaitAsync(Generous, TestContext.Current.CancellationToken); // completes, does not throw
        await StreamRig.WaitUntilAsync(async () => (await rig.ConnectionsAsync()).Open == 0, "the server to see the close");
        Assert.Equal(1, (await rig.ConnectionsAsync()).Accepted);
    }

    [Fact]
    public async Task Failed_connects_back_off_exponentially_and_cancellation_during_a_wait_ends_cleanly()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port; // closed again: connects are refused
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var waits = new List<TimeSpan>();
        var options = new StreamConnectionOptions
        {
            InitialReconnectDelay = TimeSpan.FromSeconds(1),
            MaxReconnectDelay = TimeSpan.FromSeconds(8),
            JitterFraction = 0,
            Delay = async (wait, token) =>
            {
                waits.Add(wait);
                if (waits.Count == 6)
                {
                    await stop.CancelAsync();
                }

                token.ThrowIfCancellationRequested();
            },
        };
        var socket = new ReconnectingWebSocket(new Uri($"ws://127.0.0.1:{port}/ws/btcusdt@markPrice@1s"), new StreamProtocol(), options);

        var messages = 0;
        await foreach (var message in socket.MessagesAsync(stop.Token).WithCancellation(TestContext.Current.CancellationToken))
        {
            messages++;
        }

        Assert.Equal(0, messages);
        Assert.Equal(0, socket.ConnectionCount);
        Assert.Equal([1, 2, 4, 8, 8, 8], waits.Select(w => w.TotalSeconds));
    }
}
