using System.Net;
using System.Text.Json;

namespace Basis.ExchangeSimulator.Tests.Binance;

/// <summary>The REST subset's answers and error bodies, driven with hand-signed requests.</summary>
public sealed class BinanceApiTests
{
    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    private static void AssertError(HttpStatusCode expectedStatus, int expectedCode, (HttpStatusCode Status, JsonElement Body) actual)
    {
        Assert.Equal(expectedStatus, actual.Status);
        Assert.Equal(expectedCode, actual.Body.GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrEmpty(actual.Body.GetProperty("msg").GetString()));
    }

    [Fact]
    public async Task Premium_index_reports_the_data_mark_and_the_next_funding()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);

        var response = await client.GetAsync("/fapi/v1/premiumIndex?symbol=BTCUSDT");
        var (status, body) = await ReadAsync(response);

        // 2025-01-01 00:00: mark 94040.74; next funding 08:00 (1735718400000) at 0.00014066
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("94040.74000000", body.GetProperty("markPrice").GetString());
        Assert.Equal("0.00014066", body.GetProperty("lastFundingRate").GetString());
        Assert.Equal(1735718400000, body.GetProperty("nextFundingTime").GetInt64());
        Assert.Equal("1", response.Headers.GetValues("X-MBX-USED-WEIGHT-1M").Single());
    }

    [Fact]
    public async Task Stale_timestamp_is_minus_1021()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);

        var stale = DateTimeOffset.UtcNow.AddSeconds(-30).ToUnixTimeMilliseconds();
        AssertError(HttpStatusCode.BadRequest, -1021, await ReadAsync(await client.SignedAsync(HttpMethod.Get, "/fapi/v2/balance", string.Empty, stale)));
        var ahead = DateTimeOffset.UtcNow.AddSeconds(5).ToUnixTimeMilliseconds();
        AssertError(HttpStatusCode.BadRequest, -1021, await ReadAsync(await client.SignedAsync(HttpMethod.Get, "/fapi/v2/balance", string.Empty, ahead)));
    }

    [Fact]
    public async Task Bad_signature_is_minus_1022_and_is_counted()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);

        AssertError(HttpStatusCode.BadRequest, -1022, await ReadAsync(await client.SignedAsync(HttpMethod.Get, "/fapi/v2/balance", string.Empty, signatureOverride: new string('0', 64))));
        Assert.Equal(1, sim.Stats.SignatureFailures);
    }

    [Fact]
    public async Task Unknown_key_is_minus_2015_with_401()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);

        AssertError(HttpStatusCode.Unauthorized, -2015, await ReadAsync(await client.SignedAsync(HttpMethod.Get, "/fapi/v2/balance", string.Empty, keyOverride: "nobody")));
    }

    [Fact]
    public async Task Unknown_order_is_minus_2013_and_cancelling_it_minus_2011()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);

        AssertError(HttpStatusCode.BadRequest, -2013, await ReadAsync(await client.SignedAsync(HttpMethod.Get, "/fapi/v1/order", "symbol=BTCUSDT&orderId=42")));
        AssertError(HttpStatusCode.BadRequest, -2011, await ReadAsync(await client.SignedAsync(HttpMethod.Delete, "/fapi/v1/order", "symbol=BTCUSDT&origClientOrderId=none")));
    }

    [Fact]
    public async Task Duplicate_client_order_id_is_minus_4116_and_places_nothing()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);
        const string order = "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.002&newClientOrderId=retry-1";

        var (firstStatus, first) = await ReadAsync(await client.SignedAsync(HttpMethod.Post, "/fapi/v1/order", order));
        var second = await ReadAsync(await client.SignedAsync(HttpMethod.Post, "/fapi/v1/order", order));

        // ACK (the default response type) answers NEW with nothing executed, whatever the matching engine did
        Assert.Equal(HttpStatusCode.OK, firstStatus);
        Assert.Equal("NEW", first.GetProperty("status").GetString());
        Assert.Equal("retry-1", first.GetProperty("clientOrderId").GetString());
        AssertError(HttpStatusCode.BadRequest, -4116, second);
        lock (sim.Binance.Sync)
        {
            Assert.Equal(0.002m, sim.Binance.Accounts[Simulators.Key].Position("BTCUSDT").Size);
        }
    }

    [Fact]
    public async Task Insufficient_margin_is_minus_2019()
    {
        await using var sim = await Simulators.StartAsync(startingUsdt: 100m);
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);

        AssertError(HttpStatusCode.BadRequest, -2019, await ReadAsync(await client.SignedAsync(HttpMethod.Post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1")));
    }

    [Fact]
    public async Task Order_below_the_minimum_notional_is_minus_4164()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);

        // 0.001 × 94040.74 = 94.04 USDT < BTCUSDT's MIN_NOTIONAL of 100
        var (status, body) = await ReadAsync(await client.SignedAsync(HttpMethod.Post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.001"));

        AssertError(HttpStatusCode.BadRequest, -4164, (status, body));
        Assert.Equal("Order's notional must be no smaller than 100 (unless you choose reduce only).", body.GetProperty("msg").GetString());
    }

    [Fact]
    public async Task Rate_limit_ban_and_server_faults_answer_the_next_requests_then_stop()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);
        (await client.ControlAsync("/_sim/faults", """{"rate_limit_next":1,"retry_after_seconds":7,"ban_next":1,"server_error_next":1,"server_error_status":502}""")).EnsureSuccessStatusCode();

        var banned = await client.GetAsync("/fapi/v1/ping");
        var limited = await client.GetAsync("/fapi/v1/ping");
        var failed = await client.GetAsync("/fapi/v1/ping");
        var fine = await client.GetAsync("/fapi/v1/ping");

        AssertError((HttpStatusCode)418, -1003, await ReadAsync(banned));
        AssertError(HttpStatusCode.TooManyRequests, -1003, await ReadAsync(limited));
        Assert.Equal("7", limited.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.BadGateway, failed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Fact]
    public async Task Dropped_connection_fails_the_request_and_latency_delays_the_next()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);
        (await client.ControlAsync("/_sim/faults", """{"drop_next":1,"latency_ms":300}""")).EnsureSuccessStatusCode();

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/fapi/v1/ping"));
        var started = System.Diagnostics.Stopwatch.StartNew();
        var response = await client.GetAsync("/fapi/v1/ping");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(started.ElapsedMilliseconds >= 290, $"took {started.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Partial_fill_fault_leaves_market_orders_partially_filled()
    {
        await using var sim = await Simulators.StartAsync();
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);
        (await client.ControlAsync("/_sim/faults", """{"partial_fill_fraction":0.5}""")).EnsureSuccessStatusCode();

        var (status, order) = await ReadAsync(await client.SignedAsync(HttpMethod.Post, "/fapi/v1/order", "symbol=ETHUSDT&side=SELL&type=MARKET&quantity=0.100&newOrderRespType=RESULT"));

        // 0.1 × 0.5 = 0.05 at the 00:00 mark 3301.78
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("PARTIALLY_FILLED", order.GetProperty("status").GetString());
        Assert.Equal("0.050", order.GetProperty("executedQty").GetString());
        Assert.Equal("0.100", order.GetProperty("origQty").GetString());
        Assert.Equal("3301.78000", order.GetProperty("avgPrice").GetString());
    }

    [Fact]
    public async Task Clock_advance_applies_funding_seen_in_the_balance()
    {
        await using var sim = await Simulators.StartAsync(startingUsdt: 100_000m);
        using var client = new BinanceClient(sim.BaseUrl, Simulators.Key, Simulators.Secret);
        await client.SignedAsync(HttpMethod.Post, "/fapi/v1/order", "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=1");

        (await client.ControlAsync("/_sim/clock", """{"advance_hours":8}""")).EnsureSuccessStatusCode();
        var (_, balances) = await ReadAsync(await client.SignedAsync(HttpMethod.Get, "/fapi/v2/balance", string.Empty));

        // filled at 94040.7 (the 00:00 mark on the 0.1 tick): 100000 − fee 47.02035 − funding 94549.25 × 0.00014066
        // (13.299297505) = 99939.680352495 → 8 decimals, half to even
        Assert.Equal("99939.68035250", balances[0].GetProperty("balance").GetString());
    }
}
