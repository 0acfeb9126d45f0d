using System.Net;
using Basis.Venues.Exchanges;
using static Basis.Venues.Tests.Exchanges.ScriptedExchange;

namespace Basis.Venues.Tests.Exchanges.Binance;

public sealed class BinanceAccountTests
{
    [Fact]
    public async Task Positions_are_the_non_zero_rows_with_signed_size_and_no_liquidation_price_when_binance_reports_zero()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On("GET /fapi/v2/positionRisk", Ok(BinanceResponsesFromDocs.PositionRisk));

        var positions = await rig.Client.GetPositionsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                new PerpPosition("BTCUSDT", 0.001m, 22185.2m, 21123.05052574m, -1.06214947m, 4, MarginMode.Cross, 19731.45529116m),
                new PerpPosition("ETHUSDT", -2.5m, 3012.5m, 3000m, 31.25m, 3, MarginMode.Isolated, null),
            ],
            positions);
    }

    [Fact]
    public async Task Mark_price_and_funding_come_from_the_premium_index()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On("GET /fapi/v1/premiumIndex", Ok(BinanceResponsesFromDocs.PremiumIndex), Ok(BinanceResponsesFromDocs.PremiumIndex));

        var mark = await rig.Client.GetMarkPriceAsync("BTCUSDT", TestContext.Current.CancellationToken);
        var funding = await rig.Client.GetFundingRateAsync("BTCUSDT", TestContext.Current.CancellationToken);

        Assert.Equal(new MarkPriceSnapshot("BTCUSDT", 11793.63104562m, 11781.80495970m, DateTimeOffset.FromUnixTimeMilliseconds(1597370495002)), mark);
        Assert.Equal(new FundingRateSnapshot("BTCUSDT", 0.00038246m, DateTimeOffset.FromUnixTimeMilliseconds(1597392000000)), funding);
        // Public market data: unsigned, no key.
        var request = rig.Server.To("GET /fapi/v1/premiumIndex")[0];
        Assert.Equal("https://fapi.test/fapi/v1/premiumIndex?symbol=BTCUSDT", request.Uri.AbsoluteUri);
        Assert.False(request.Headers.ContainsKey("X-MBX-APIKEY"));
    }

    [Fact]
    public async Task Funding_history_is_read_in_the_window_asked()
    {
        using var rig = new BinanceTestRig();
        // https://developers.binance.com/docs/derivatives/usds-margined-futures/market-data/rest-api/Get-Funding-Rate-History
        rig.Server.On("GET /fapi/v1/fundingRate", Ok("""
            [
              { "symbol": "BTCUSDT", "fundingRate": "-0.03750000", "fundingTime": 1570608000000, "markPrice": "34287.54619963" },
              { "symbol": "BTCUSDT", "fundingRate": "0.00010000", "fundingTime": 1570636800000, "markPrice": "34287.54619963" }
            ]
            """));
        var from = DateTimeOffset.FromUnixTimeMilliseconds(1570600000000);
        var to = DateTimeOffset.FromUnixTimeMilliseconds(1570640000000);

        var history = await rig.Client.GetFundingHistoryAsync("BTCUSDT", from, to, TestContext.Current.CancellationToken);

        Assert.Equal(
            "https://fapi.test/fapi/v1/fundingRate?symbol=BTCUSDT&startTime=1570600000000&endTime=1570640000000&limit=1000",
            Assert.Single(rig.Server.Requests).Uri.AbsoluteUri);
        Assert.Equal([-0.0375m, 0.0001m], history.Select(h => h.Rate));
    }

    [Fact]
    public async Task Balances_of_both_accounts_leave_out_empty_assets()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On("GET /fapi/v2/balance", Ok(BinanceResponsesFromDocs.FuturesBalances));
        rig.Server.On("GET /api/v3/account", Ok(BinanceResponsesFromDocs.SpotAccount));

        var futures = await rig.Client.GetBalancesAsync(TradingAccount.Futures, TestContext.Current.CancellationToken);
        var spot = await rig.Client.GetBalancesAsync(TradingAccount.Spot, TestContext.Current.CancellationToken);

        Assert.Equal([new AssetBalance(TradingAccount.Futures, "USDT", 122607.35137903m, 23.72469206m)], futures);
        Assert.Equal(new AssetBalance(TradingAccount.Spot, "LTC", 4763370.18006011m, 4763368.68006011m), spot[1]);
        Assert.Equal(BinanceTestRig.SpotKey, rig.Server.To("GET /api/v3/account")[0].Headers["X-MBX-APIKEY"]);
    }

    [Fact]
    public async Task Setting_the_margin_mode_already_in_use_succeeds()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On(
            "POST /fapi/v1/marginType",
            Respond(HttpStatusCode.BadRequest, BinanceResponsesFromDocs.Error(-4046, "No need to change margin type.")));

        await rig.Client.SetMarginModeAsync("BTCUSDT", MarginMode.Isolated, TestContext.Current.CancellationToken);

        Assert.Equal("ISOLATED", Assert.Single(rig.Server.To("POST /fapi/v1/marginType")).Parameter("marginType"));
    }

    [Fact]
    public async Task Leverage_is_set_per_symbol()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On("POST /fapi/v1/leverage", Ok("""{"leverage": 3, "maxNotionalValue": "1000000", "symbol": "ETHUSDT"}"""));

        await rig.Client.SetLeverageAsync("ETHUSDT", 3, TestContext.Current.CancellationToken);

        Assert.StartsWith("symbol=ETHUSDT&leverage=3&recvWindow=5000&timestamp=", rig.Server.To("POST /fapi/v1/leverage")[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_are_retried_after_a_server_error()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On(
            "GET /fapi/v2/positionRisk",
            Respond(HttpStatusCode.ServiceUnavailable, BinanceResponsesFromDocs.Error(-1001, "Internal error; unable to process your request. Please try again.")),
            ConnectionReset(),
            Ok("[]"));

        var positions = await rig.Client.GetPositionsAsync(TestContext.Current.CancellationToken);

        Assert.Empty(positions);
        Assert.Equal(3, rig.Server.To("GET /fapi/v2/positionRisk").Count);
        // Exponential back-off from 1 s.
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], rig.Clock.Waits);
    }

    [Fact]
    public async Task Funding_history_pages_forward_from_the_last_record_of_a_full_page()
    {
        using var rig = new BinanceTestRig();
        // A full page of 1000 eight-hourly records starting at t0, then a short one.
        const long t0 = 1570608000000;
        const long eightHoursMs = 8 * 3600 * 1000;
        var fullPage = "[" + string.Join(',', Enumerable.Range(0, 1000).Select(i =>
            $$"""{"symbol":"BTCUSDT","fundingRate":"0.00010000","fundingTime":{{t0 + (i * eightHoursMs)}},"markPrice":"34287.5"}""")) + "]";
        var lastOfFirstPage = t0 + (999 * eightHoursMs);
        rig.Server.On(
            "GET /fapi/v1/fundingRate",
            Ok(fullPage),
            Ok($$"""[{"symbol":"BTCUSDT","fundingRate":"-0.00020000","fundingTime":{{lastOfFirstPage + eightHoursMs}},"markPrice":"34287.5"}]"""));
        var from = DateTimeOffset.FromUnixTimeMilliseconds(t0);
        var to = DateTimeOffset.FromUnixTimeMilliseconds(t0 + (2000 * eightHoursMs));

        var history = await rig.Client.GetFundingHistoryAsync("BTCUSDT", from, to, TestContext.Current.CancellationToken);

        Assert.Equal(1001, history.Count);
        var pages = rig.Server.To("GET /fapi/v1/fundingRate");
        Assert.Equal(2, pages.Count);
        Assert.Equal((lastOfFirstPage + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), pages[1].Parameter("startTime"));
        Assert.Equal(-0.0002m, history[^1].Rate);
    }
}
