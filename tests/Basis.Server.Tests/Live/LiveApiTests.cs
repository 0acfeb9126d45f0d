using System.Net;
using System.Text;
using System.Text.Json;
using Basis.Api.Http;
using Basis.Live.Ledger;
using Basis.Live.Safety;
using Basis.Server.Tests.Support;
using Basis.Venues.Exchanges;

namespace Basis.Server.Tests.Live;

/// <summary>
/// <c>/api/v1/live</c> on the self-hosted server with its ledger in a real PostgreSQL: what the API stores, refuses and
/// reads back. The runtime's side (heartbeats, orders, fills, equity) is written straight into the ledger.
/// </summary>
public sealed class LiveApiTests(LiveServer live) : IClassFixture<LiveServer>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_new_instance_is_paper_and_paused_with_the_share_class_default_capital_and_a_location()
    {
        using var response = await live.Host.Http.PostAsync(
            new Uri("/api/v1/live", UriKind.Relative), Json(new { name = "eth basis", mode = "eth_basis", venues = new[] { "binance", "ethereum" } }), Token);
        var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token)).RootElement;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = created.GetProperty("id").GetString()!;
        Assert.EndsWith($"/api/v1/live/{id}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(("paper", "paused", "idle"), (created.GetProperty("execution").GetString(), created.GetProperty("status").GetString(), created.GetProperty("health").GetString()));
        Assert.Equal(("eth_basis", "usdt", 100_000m), (created.GetProperty("mode").GetString(), created.GetProperty("share_class").GetString(), created.GetProperty("capital").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("last_heartbeat_utc").ValueKind);
        Assert.Equal(0, created.GetProperty("breaches").GetArrayLength());

        var read = await live.SendAsync(HttpMethod.Get, $"/api/v1/live/{id}", null, HttpStatusCode.OK, Token);
        var listed = await live.SendAsync(HttpMethod.Get, "/api/v1/live", null, HttpStatusCode.OK, Token);
        Assert.Equal(created.GetRawText(), read.GetRawText());
        Assert.Contains(listed.EnumerateArray(), i => i.GetProperty("id").GetString() == id);
        Assert.Equal(ExecutionKind.Paper, (await live.Ledger.GetInstanceAsync(id, Token))!.ExecutionKind);
    }

    [Fact]
    public async Task A_credential_anywhere_in_the_body_is_refused_naming_where_credentials_go_and_nothing_is_stored()
    {
        const string Secret = "do-not-echo-4f1c9e";
        var body = $$"""
            {"name": "leaky", "mode": "eth_basis", "venues": ["binance"],
             "accounts": [{"venue": "binance", "API-Key": "{{Secret}}"}], "limits": {"secretKey": "{{Secret}}"}, "private_key": "{{Secret}}"}
            """;

        using var response = await live.Host.Http.PostAsync(new Uri("/api/v1/live", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal("Credentials are never accepted in requests.", problem.GetProperty("title").GetString());
        Assert.Equal(["accounts[0].API-Key", "limits.secretKey", "private_key"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("BASIS_{DEV|STAGING|PROD}__CEX__{BINANCE_FUTURES|BINANCE_SPOT|BYBIT|OKX}_API_KEY", detail, StringComparison.Ordinal);
        Assert.Contains("_API_SECRET", detail, StringComparison.Ordinal);
        Assert.Contains("BASIS_{DEV|STAGING|PROD}__ALCHEMY__PRIVATE_KEY", detail, StringComparison.Ordinal);
        Assert.DoesNotContain(await live.Ledger.ListInstancesAsync(Token), i => i.Name == "leaky");
    }

    [Fact]
    public async Task Real_execution_without_the_switches_is_refused_with_every_reason_and_nothing_is_stored()
    {
        var refused = await live.SendAsync(HttpMethod.Post, "/api/v1/live", new { name = "too real", mode = "eth_basis", venues = new[] { "binance" }, execution = "real" }, HttpStatusCode.Conflict, Token);

        var reasons = refused.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!).ToList();
        Assert.Contains(reasons, r => r.StartsWith("BASIS_LIVE_TRADING__ENABLED is not true", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("BASIS_LIVE_TRADING__READ_ONLY is not false", StringComparison.Ordinal));
        Assert.DoesNotContain(await live.Ledger.ListInstancesAsync(Token), i => i.Name == "too real");
    }

    [Theory]
    [InlineData("""{"name": "x", "mode": "no_such_mode", "venues": ["binance"]}""", "mode", "no_such_mode")]
    [InlineData("""{"name": "x", "mode": "eth_basis", "venues": ["binance", "ftx"]}""", "venues", "'ftx' is not a venue")]
    [InlineData("""{"name": "x", "mode": "eth_basis"}""", "venues", "is required")]
    [InlineData("""{"name": "x", "mode": "eth_basis", "venues": ["okx"], "capital": 0}""", "capital", "must be from 1 to")]
    [InlineData("""{"name": "x", "mode": "eth_basis", "venues": ["okx"], "limits": {"max_trade_size_usd": 5000}}""", "limits.max_trade_size_usd", "BASIS_LIVE_TRADING__MAX_TRADE_SIZE_USD")]
    [InlineData("""{"name": "x", "mode": "eth_basis", "venues": ["okx"], "limits": {"stop": 1}}""", "limits.stop", "is not a field")]
    [InlineData("""{"name": "x", "mode": "eth_basis", "venues": ["okx"], "limits": {"health_factor_floor": 1.001}}""", "limits.health_factor_floor", "must be from 1.01 (BASIS_LIVE_TRADING__HEALTH_FACTOR_FLOOR) to 10")]
    [InlineData("""{"name": "x", "mode": "eth_basis", "venues": ["okx"], "limits": {"margin_ratio_floor": 0.01}}""", "limits.margin_ratio_floor", "must be from 0.02 (BASIS_LIVE_TRADING__MARGIN_RATIO_FLOOR) to 1")]
    [InlineData("""{"name": "x", "mode": "eth_basis", "venues": ["okx"], "execution": "yolo"}""", "execution", "\"paper\" or \"real\"")]
    [InlineData("""{"mode": "eth_basis", "venues": ["okx"]}""", "name", "is required")]
    public async Task Bad_input_is_a_400_naming_the_field(string body, string field, string says)
    {
        using var response = await live.Host.Http.PostAsync(new Uri("/api/v1/live", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), Token);
        var text = await response.Content.ReadAsStringAsync(Token);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.True(JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty(field, out var messages), text);
        Assert.Contains(says, string.Join(" ", messages.EnumerateArray().Select(m => m.GetString())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_stop_emergency_stop_and_retire_move_the_status_and_clearing_a_halt_needs_acknowledgement()
    {
        var id = await live.CreateAsync(Token);
        string Status(JsonElement instance) => instance.GetProperty("status").GetString()!;

        Assert.Equal("active", Status(await Post($"/api/v1/live/{id}/start", null, HttpStatusCode.OK)));
        Assert.Equal("active", Status(await Post($"/api/v1/live/{id}/start", null, HttpStatusCode.OK)));
        Assert.Equal("paused", Status(await Post($"/api/v1/live/{id}/stop", null, HttpStatusCode.OK)));
        Assert.Equal("active", Status(await Post($"/api/v1/live/{id}/start", new { acknowledge_halt = false }, HttpStatusCode.OK)));

        var stopped = await Post($"/api/v1/live/{id}/emergency-stop", null, HttpStatusCode.OK);
        var halted = stopped.GetProperty("instance");
        Assert.Equal(("halted", "unhealthy"), (Status(halted), halted.GetProperty("health").GetString()));
        Assert.Equal("emergency stop by the operator", halted.GetProperty("breaches")[0].GetProperty("message").GetString());
        Assert.StartsWith("pending: the instance is halted at once", stopped.GetProperty("unwind").GetString(), StringComparison.Ordinal);

        var unacknowledged = await Post($"/api/v1/live/{id}/start", null, HttpStatusCode.Conflict);
        Assert.Contains("acknowledge_halt", unacknowledged.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("is halted", (await Post($"/api/v1/live/{id}/stop", null, HttpStatusCode.Conflict)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("active", Status(await Post($"/api/v1/live/{id}/start", new { acknowledge_halt = true }, HttpStatusCode.OK)));

        Assert.Equal("stopped", Status(await live.SendAsync(HttpMethod.Delete, $"/api/v1/live/{id}", null, HttpStatusCode.OK, Token)));
        Assert.Contains("never runs again", (await Post($"/api/v1/live/{id}/start", null, HttpStatusCode.Conflict)).GetProperty("title").GetString(), StringComparison.Ordinal);
        await Post($"/api/v1/live/{id}/emergency-stop", null, HttpStatusCode.Conflict);
        await Post("/api/v1/live/lv_nothing/start", null, HttpStatusCode.NotFound);

        // The ledger keeps the trail: the operator's breach, then the cleared halt.
        var events = await live.Ledger.ListEventsAsync(id, new LedgerPageRequest(10), Token);
        Assert.Equal(
            [(LedgerEventKind.Breach, "emergency stop by the operator"), (LedgerEventKind.Alert, "halt cleared by the operator")],
            events.Items.Select(e => (e.Kind, e.Message)));
    }

    [Fact]
    public async Task An_active_instance_whose_heartbeat_is_older_than_the_timeout_is_unhealthy_in_its_status_and_in_detailed_health()
    {
        using var temp = new TempFolder();
        var (host, dataSource, ledger) = await LiveServer.StartAsync(await live.Postgres.CreateDatabaseAsync(), temp, Token);
        await using var _ = host;
        await using var __ = dataSource;
        var created = await LiveServer.SendAsync(host.Http, HttpMethod.Post, "/api/v1/live", new { name = "quiet", mode = "eth_basis", venues = new[] { "binance" } }, HttpStatusCode.Created, Token);
        var id = created.GetProperty("id").GetString()!;
        var now = DateTimeOffset.UtcNow;

        // Started two hours ago; its last heartbeat an hour ago, past the default 180 s timeout.
        await ledger.ChangeStatusAsync(id, [LiveInstanceStatus.Paused], LiveInstanceStatus.Active, now.AddHours(-2), Token);
        var beat = new DateTimeOffset(now.AddHours(-1).UtcDateTime.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero);
        await ledger.AppendEventAsync(new LedgerEvent(id, LedgerEventKind.Heartbeat, "alive", null, beat), Token);

        var status = await LiveServer.SendAsync(host.Http, HttpMethod.Get, $"/api/v1/live/{id}", null, HttpStatusCode.OK, Token);
        Assert.Equal(("active", "unhealthy"), (status.GetProperty("status").GetString(), status.GetProperty("health").GetString()));
        Assert.Equal(beat, status.GetProperty("last_heartbeat_utc").GetDateTimeOffset());
        Assert.Contains("HEARTBEAT_TIMEOUT_SECONDS", status.GetProperty("health_reason").GetString(), StringComparison.Ordinal);
        var unhealthy = await LiveServer.SendAsync(host.Http, HttpMethod.Get, "/health/detailed", null, HttpStatusCode.ServiceUnavailable, Token);
        var component = unhealthy.GetProperty("components").GetProperty("live");
        Assert.Equal(("unhealthy", "heartbeat_missed"), (component.GetProperty("status").GetString(), component.GetProperty("error_code").GetString()));
        Assert.Equal($"1 of 1 active instances missed their heartbeat: {id}", component.GetProperty("description").GetString());

        await ledger.AppendEventAsync(new LedgerEvent(id, LedgerEventKind.Heartbeat, "alive", null, DateTimeOffset.UtcNow), Token);
        Assert.Equal("healthy", (await LiveServer.SendAsync(host.Http, HttpMethod.Get, $"/api/v1/live/{id}", null, HttpStatusCode.OK, Token)).GetProperty("health").GetString());
        var healthy = await LiveServer.SendAsync(host.Http, HttpMethod.Get, "/health/detailed", null, HttpStatusCode.OK, Token);
        Assert.Equal("postgresql: 1 instances, 1 active", healthy.GetProperty("components").GetProperty("live").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Orders_read_in_pages_and_a_bad_limit_or_cursor_is_a_400_naming_it()
    {
        var id = await live.CreateAsync(Token);
        var at = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
        foreach (var n in (int[])[1, 2, 3])
        {
            await live.Ledger.SaveOrderAsync(new LedgerOrder(id, "binance", $"o{n}", "ETHUSDT", OrderSide.Buy, OrderType.Market, n, null, null, OrderStatus.New, "open the hedge", at, at), Token);
        }

        var first = await live.SendAsync(HttpMethod.Get, $"/api/v1/live/{id}/orders?limit=2", null, HttpStatusCode.OK, Token);
        var cursor = first.GetProperty("next_cursor").GetInt64();
        var second = await live.SendAsync(HttpMethod.Get, $"/api/v1/live/{id}/orders?limit=2&cursor={cursor}", null, HttpStatusCode.OK, Token);

        Assert.Equal(["o1", "o2"], first.GetProperty("items").EnumerateArray().Select(o => o.GetProperty("client_order_id").GetString()));
        Assert.Equal(("o3", "buy", "new"), (second.GetProperty("items")[0].GetProperty("client_order_id").GetString(), second.GetProperty("items")[0].GetProperty("side").GetString(), second.GetProperty("items")[0].GetProperty("status").GetString()));
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        Assert.Equal(0, (await live.SendAsync(HttpMethod.Get, $"/api/v1/live/{id}/fills", null, HttpStatusCode.OK, Token)).GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await live.SendAsync(HttpMethod.Get, $"/api/v1/live/{id}/activity", null, HttpStatusCode.OK, Token)).GetProperty("items").GetArrayLength());
        foreach (var (query, field) in ((string, string)[])[("limit=0", "limit"), ("limit=1001", "limit"), ("limit=two", "limit"), ("cursor=-1", "cursor")])
        {
            var problem = await live.SendAsync(HttpMethod.Get, $"/api/v1/live/{id}/events?{query}", null, HttpStatusCode.BadRequest, Token);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query}: {problem}");
        }

        await live.SendAsync(HttpMethod.Get, "/api/v1/live/lv_nothing/orders", null, HttpStatusCode.NotFound, Token);
    }

    [Fact]
    public async Task On_chain_steps_read_in_pages_with_their_kind_transaction_and_flash_loan()
    {
        var id = await live.CreateAsync(Token);
        var at = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
        const string Hash = "0x1111111111111111111111111111111111111111111111111111111111111111";
        LedgerChainStep[] steps =
        [
            new(id, "h/chain/0", ChainStepKind.WrapEth, "ETH", 1m, ChainStepStatus.Confirmed, 7, Hash, "0x02", null, at, at),
            new(id, "h/chain/1", ChainStepKind.LoopLever, "WETH", 1m, ChainStepStatus.Planned, null, null, null, "entry", at, at) { Counter = "weETH", Flash = 9m },
        ];
        await live.Ledger.RecordHourAsync([], [], new LedgerEquity(id, at, 1m, "{}"), chainStepsAhead: steps, cancellationToken: Token);

        var first = await live.SendAsync(HttpMethod.Get, $"/api/v1/live/{id}/chain-steps?limit=1", null, HttpStatusCode.OK, Token);
        var second = await live.SendAsync(HttpMethod.Get, $"/api/v1/live/{id}/chain-steps?cursor={first.GetProperty("next_cursor").GetInt64()}", null, HttpStatusCode.OK, Token);

        var wrap = first.GetProperty("items")[0];
        Assert.Equal(("wrap_eth", "confirmed", Hash, 7L), (wrap.GetProperty("kind").GetString(), wrap.GetProperty("status").GetString(), wrap.GetProperty("tx_hash").GetString(), wrap.GetProperty("nonce").GetInt64()));
        var lever = second.GetProperty("items")[0];
        Assert.Equal(("loop_lever", "WETH", "weETH", 9m), (lever.GetProperty("kind").GetString(), lever.GetProperty("asset").GetString(), lever.GetProperty("counter_asset").GetString(), lever.GetProperty("flash_loan").GetDecimal()));
        Assert.Equal(JsonValueKind.Null, lever.GetProperty("tx_hash").ValueKind);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next_cursor").ValueKind);
        await live.SendAsync(HttpMethod.Get, "/api/v1/live/lv_nothing/chain-steps", null, HttpStatusCode.NotFound, Token);
    }

    [Fact]
    public async Task Positions_and_performance_come_from_the_ledger()
    {
        var id = await live.CreateAsync(Token);
        var at = new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);
        LedgerFill Fill(string fillId, OrderSide side, decimal quantity, decimal price, decimal fee, int minutes) =>
            new(id, "binance", fillId, "c" + fillId, "ETHUSDT", MarketType.Perp, "ETH", "USDT", side, quantity, price, fee, "USDT", at.AddMinutes(minutes));

        // The ledger's worked example: deposit 10,000 USDT, buy 2 @ 3000 (fee 3), sell 0.5 @ 3100 (fee 0.775), pay 1.2 funding.
        await live.Ledger.AppendTransferAsync(new LedgerTransfer(id, "deposit-1", "USDT", 10_000m, 0m, null, "binance", at), Token);
        await live.Ledger.AppendFillAsync(Fill("f1", OrderSide.Buy, 2m, 3000m, 3m, 5), Token);
        await live.Ledger.AppendFillAsync(Fill("f2", OrderSide.Sell, 0.5m, 3100m, 0.775m, 65), Token);
        await live.Ledger.AppendFundingAsync(new LedgerFunding(id, "binance", "ETHUSDT", "USDT", -1.2m, at.AddHours(8)), Token);
        foreach (var (hour, equity) in ((int, decimal)[])[(1, 10_000m), (2, 11_000m), (3, 9_900m)])
        {
            await live.Ledger.SaveEquityAsync(new LedgerEquity(id, at.AddHours(hour), equity, """{"funding": 1}"""), Token);
        }

        await live.Ledger.SaveEquityAsync(new LedgerEquity(id, at.AddHours(4), 10_450m, """{"funding": 12.5, "price": 437.5}"""), Token);

        var positions = await live.SendAsync(HttpMethod.Get, $"/api/v1/live/{id}/positions", null, HttpStatusCode.OK, Token);
        var perp = Assert.Single(positions.GetProperty("perps").EnumerateArray());
        Assert.Equal((1.5m, 3000m, 50m, -1.2m), (perp.GetProperty("size").GetDecimal(), perp.GetProperty("average_entry_price").GetDecimal(), perp.GetProperty("realised_pnl").GetDecimal(), perp.GetProperty("funding").GetDecimal()));
        var balance = Assert.Single(positions.GetProperty("balances").EnumerateArray());
        Assert.Equal(("binance", "USDT", 10_045.025m), (balance.GetProperty("location").GetString(), balance.GetProperty("asset").GetString(), balance.GetProperty("amount").GetDecimal()));

        // Peak 11,000: 9,900 is 10 % under it, 10,450 5 %; P&L by source is the last cycle's (cumulative) attribution.
        var performance = await live.SendAsync(HttpMethod.Get, $"/api/v1/live/{id}/performance", null, HttpStatusCode.OK, Token);
        Assert.Equal((4, 10_000m, 10_450m), (performance.GetProperty("cycles").GetInt32(), performance.GetProperty("start_equity").GetDecimal(), performance.GetProperty("end_equity").GetDecimal()));
        Assert.Equal((0.1m, 0.05m), (performance.GetProperty("max_drawdown").GetDecimal(), performance.GetProperty("current_drawdown").GetDecimal()));
        Assert.Equal((12.5m, 437.5m), (performance.GetProperty("pnl_by_source").GetProperty("funding").GetDecimal(), performance.GetProperty("pnl_by_source").GetProperty("price").GetDecimal()));
        Assert.Equal(0.1m, performance.GetProperty("series")[2].GetProperty("drawdown").GetDecimal());
    }

    [Fact]
    public async Task Every_change_needs_the_api_key_and_reads_do_not_by_default()
    {
        var id = await live.CreateAsync(Token);
        using var keyless = new HttpClient { BaseAddress = live.Host.Http.BaseAddress };

        foreach (var (method, path) in ((HttpMethod, string)[])[
            (HttpMethod.Post, "/api/v1/live"), (HttpMethod.Post, $"/api/v1/live/{id}/start"), (HttpMethod.Post, $"/api/v1/live/{id}/stop"),
            (HttpMethod.Post, $"/api/v1/live/{id}/emergency-stop"), (HttpMethod.Delete, $"/api/v1/live/{id}"), (HttpMethod.Post, $"/api/v1/live/{id}/rebalance"),
            (HttpMethod.Post, $"/api/v1/live/{id}/deposit"), (HttpMethod.Post, $"/api/v1/live/{id}/withdraw")])
        {
            await LiveServer.SendAsync(keyless, method, path, new { }, HttpStatusCode.Unauthorized, Token);
        }

        Assert.Equal("paused", (await LiveServer.SendAsync(keyless, HttpMethod.Get, $"/api/v1/live/{id}", null, HttpStatusCode.OK, Token)).GetProperty("status").GetString());
        await LiveServer.SendAsync(keyless, HttpMethod.Get, $"/api/v1/live/{id}/events", null, HttpStatusCode.OK, Token);
    }

    [Fact]
    public async Task Rebalance_starts_a_cycle_and_deposits_and_withdrawals_are_recorded_for_the_next_hour()
    {
        var id = await live.CreateAsync(Token);

        var rebalance = await Post($"/api/v1/live/{id}/rebalance", null, HttpStatusCode.Accepted);
        var deposit = await Post($"/api/v1/live/{id}/deposit", new { amount = 100 }, HttpStatusCode.Accepted);
        var refused = await Post($"/api/v1/live/{id}/withdraw", new { amount = 1_000_000_000 }, HttpStatusCode.BadRequest);

        Assert.Contains(rebalance.GetProperty("status").GetString(), new[] { "accepted", "running" });
        Assert.StartsWith("the deposit is applied at ", deposit.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("The withdrawal of 1000000000 USDT is larger than the instance's equity", refused.GetProperty("errors").GetProperty("amount")[0].GetString(), StringComparison.Ordinal);
        await Post($"/api/v1/live/no-such-instance/rebalance", null, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_body_with_every_field_the_document_describes_is_accepted()
    {
        var body = new LiveCreateRequestBody("all fields", "eth_basis", ["bybit", "okx"], Capital: 50_000, ShareClass: "USDT", Execution: "paper", Limits: new LiveLimitsBody(500m, 2.5m, 1.2m, 0.05m));

        var created = await live.SendAsync(HttpMethod.Post, "/api/v1/live", body, HttpStatusCode.Created, Token);

        Assert.Equal(50_000m, created.GetProperty("capital").GetDecimal());
        var limits = created.GetProperty("limits");
        Assert.Equal((500m, 2.5m), (limits.GetProperty("max_trade_size_usd").GetDecimal(), limits.GetProperty("emergency_stop_loss_pct").GetDecimal()));
        Assert.Equal((1.2m, 0.05m), (limits.GetProperty("health_factor_floor").GetDecimal(), limits.GetProperty("margin_ratio_floor").GetDecimal()));
        var document = await live.Host.GetJsonAsync("/openapi/v1.json", Token);
        var paths = document.GetProperty("paths");
        Assert.True(paths.GetProperty("/api/v1/live").GetProperty("post").TryGetProperty("security", out _));
        Assert.False(paths.GetProperty("/api/v1/live/{id}").GetProperty("get").TryGetProperty("security", out _));
        foreach (var route in (string[])["/api/v1/live/{id}/start", "/api/v1/live/{id}/emergency-stop", "/api/v1/live/{id}/orders", "/api/v1/live/{id}/performance", "/api/v1/live/{id}/withdraw"])
        {
            Assert.True(paths.TryGetProperty(route, out _), route);
        }
    }

    private Task<JsonElement> Post(string path, object? body, HttpStatusCode expected) => live.SendAsync(HttpMethod.Post, path, body, expected, Token);

    private static StringContent Json(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}
