using Basis.Venues.Exchanges.Bybit;
using Basis.Venues.Exchanges.Okx;
using Basis.Venues.Exchanges.Streams;

namespace Basis.Venues.Tests.Streams;

/// <summary>Bybit <c>tickers</c> and OKX <c>mark-price</c> + <c>funding-rate</c> against the simulator's streams.</summary>
public sealed class BybitAndOkxStreamAgainstSimulatorTests
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
    public async Task Bybit_tickers_merge_snapshot_and_deltas_into_the_tapes_values_across_a_drop()
    {
        await using var rig = await StreamRig.StartAsync(pushIntervalMs: 100);
        var connections = 0;
        var client = new BybitStreamClient(new Uri(rig.WebSocketBaseUrl, "/v5/public/linear"), FastOptions(n => Volatile.Write(ref connections, n)))
        {
            PingInterval = TimeSpan.FromMilliseconds(200),
        };
        var start = Now(rig.Host.Bybit);
        var seen = await TakeUntilHourAsync(rig, client.MarkPricesAsync("BTCUSDT", CancellationToken.None), start, dropAfterFirst: true);

        var tape = rig.Host.Bybit.Tape;
        foreach (var update in seen)
        {
            var t = update.EventTime.ToUnixTimeSeconds();
            var next = tape.NextFundingTime("BTCUSDT", t)!.Value;
            Assert.Equal("BTCUSDT", update.Symbol);
            Assert.Equal(tape.MarkAt("BTCUSDT", t), update.MarkPrice);
            Assert.Equal(tape.MarkAt("BTCUSDT", t), update.IndexPrice);
            Assert.Equal(tape.FundingAt("BTCUSDT", next), update.FundingRate);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(next), update.NextFundingTime);
        }

        Assert.True(Volatile.Read(ref connections) >= 2);
    }

    [Fact]
    public async Task Okx_mark_price_pushes_carry_the_latest_funding_push_across_a_drop()
    {
        await using var rig = await StreamRig.StartAsync(pushIntervalMs: 100);
        var connections = 0;
        var client = new OkxStreamClient(new Uri(rig.WebSocketBaseUrl, "/ws/v5/public"), FastOptions(n => Volatile.Write(ref connections, n)))
        {
            PingInterval = TimeSpan.FromMilliseconds(200),
        };
        var start = Now(rig.Host.Okx);
        var seen = await TakeUntilHourAsync(rig, client.MarkPricesAsync("BTC-USDT-SWAP", CancellationToken.None), start, dropAfterFirst: true);

        var tape = rig.Host.Okx.Tape;
        foreach (var update in seen)
        {
            var t = update.EventTime.ToUnixTimeSeconds();
            var next = tape.NextFundingTime("BTCUSDT", t)!.Value;
            Assert.Equal("BTC-USDT-SWAP", update.Symbol);
            Assert.Equal(tape.MarkAt("BTCUSDT", t), update.MarkPrice);
            Assert.Null(update.IndexPrice);
            Assert.Equal(tape.FundingAt("BTCUSDT", next), update.FundingRate);
            Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(next), update.NextFundingTime);
        }

        Assert.True(Volatile.Read(ref connections) >= 2);
    }

    [Fact]
    public async Task Keep_alive_pings_are_answered_and_pongs_are_not_handed_to_the_consumer()
    {
        await using var rig = await StreamRig.StartAsync(pushIntervalMs: 100);
        var protocol = new StreamProtocol
        {
            SubscribeMessages = ["""{"op":"subscribe","args":["tickers.ETHUSDT"]}"""],
            KeepAliveMessage = """{"op":"ping"}""",
            KeepAliveInterval = TimeSpan.FromMilliseconds(50),
        };
        var socket = new ReconnectingWebSocket(new Uri(rig.WebSocketBaseUrl, "/v5/public/linear"), protocol, FastOptions());
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(Generous);

        var pongs = 0;
        await foreach (var message in socket.MessagesAsync(stop.Token))
        {
            if (message.Contains("\"ret_msg\":\"pong\"", StringComparison.Ordinal) && ++pongs == 3)
            {
                break;
            }
        }

        Assert.Equal(3, pongs);
        Assert.Equal(1, socket.ConnectionCount);
    }

    private static long Now(Basis.ExchangeSimulator.Accounting.ExchangeState state)
    {
        lock (state.Sync)
        {
            return state.NowSeconds;
        }
    }

    // Reads until the update for the hour after start; after the first update the server drops the connection and
    // the clock moves one hour, so that hour can only come through a new connection.
    private static async Task<List<MarkPriceUpdate>> TakeUntilHourAsync(StreamRig rig, IAsyncEnumerable<MarkPriceUpdate> updates, long start, bool dropAfterFirst)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stop.CancelAfter(Generous);
        var seen = new List<MarkPriceUpdate>();
        await foreach (var update in updates.WithCancellation(stop.Token))
        {
            seen.Add(update);
            if (seen.Count == 1 && dropAfterFirst)
            {
                Assert.Equal(1, await rig.DropAsync());
                await rig.AdvanceHoursAsync(1);
            }

            if (update.EventTime.ToUnixTimeSeconds() == start + 3600)
            {
                break;
            }
        }

        Assert.False(stop.IsCancellationRequested, "the next hour never arrived");
        Assert.Equal(start, seen[0].EventTime.ToUnixTimeSeconds());
        return seen;
    }
}
