using Basis.Venues.Exchanges.Bybit;
using Basis.Venues.Exchanges.Okx;

namespace Basis.Venues.Tests.Streams;

public sealed class BybitAndOkxParsingTests
{
    [Fact]
    public void Bybit_deltas_override_only_the_fields_they_carry_and_a_snapshot_starts_over()
    {
        var ticker = new BybitStreamClient.Ticker();
        const string topic = "tickers.BTCUSDT";
        Assert.Null(ticker.Apply("""{"success":true,"ret_msg":"","conn_id":"x","op":"subscribe"}""", topic));

        var snapshot = ticker.Apply(
            """{"topic":"tickers.BTCUSDT","type":"snapshot","data":{"symbol":"BTCUSDT","tickDirection":"PlusTick","lastPrice":"17216.00","markPrice":"17217.33","indexPrice":"17227.36","fundingRate":"-0.000212","nextFundingTime":"1673280000000"},"cs":24987956059,"ts":1673272861686}""",
            topic);
        var delta = ticker.Apply("""{"topic":"tickers.BTCUSDT","type":"delta","data":{"symbol":"BTCUSDT","markPrice":"17218.10"},"cs":24987956060,"ts":1673272862686}""", topic);

        Assert.Equal(17217.33m, snapshot!.MarkPrice);
        Assert.Equal(17218.10m, delta!.MarkPrice);
        Assert.Equal(17227.36m, delta.IndexPrice);
        Assert.Equal(-0.000212m, delta.FundingRate);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1673280000000), delta.NextFundingTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1673272862686), delta.EventTime);
        Assert.Null(ticker.Apply("""{"topic":"tickers.ETHUSDT","type":"delta","data":{"symbol":"ETHUSDT","markPrice":"1"},"ts":1}""", topic));

        var restarted = ticker.Apply("""{"topic":"tickers.BTCUSDT","type":"snapshot","data":{"symbol":"BTCUSDT","markPrice":"17000"},"ts":1673272900000}""", topic);
        Assert.Null(restarted!.FundingRate);
    }

    [Fact]
    public void Okx_mark_price_pushes_take_the_rate_and_settlement_time_of_the_latest_funding_push()
    {
        var channels = new OkxStreamClient.Channels("BTC-USDT-SWAP");
        Assert.Null(channels.Apply("pong"));
        Assert.Null(channels.Apply("""{"event":"subscribe","arg":{"channel":"mark-price","instId":"BTC-USDT-SWAP"},"connId":"a4d3ae55"}"""));

        var before = channels.Apply("""{"arg":{"channel":"mark-price","instId":"BTC-USDT-SWAP"},"data":[{"instType":"SWAP","instId":"BTC-USDT-SWAP","markPx":"42310.6","ts":"1630049139746"}]}""");
        Assert.Null(channels.Apply("""{"arg":{"channel":"funding-rate","instId":"BTC-USDT-SWAP"},"data":[{"fundingRate":"0.0001875391284828","fundingTime":"1700726400000","instId":"BTC-USDT-SWAP","instType":"SWAP","method":"current_period","nextFundingRate":"","nextFundingTime":"1700755200000","ts":"1700724675402"}]}"""));
        var after = channels.Apply("""{"arg":{"channel":"mark-price","instId":"BTC-USDT-SWAP"},"data":[{"instType":"SWAP","instId":"BTC-USDT-SWAP","markPx":"42311.2","ts":"1630049140746"}]}""");

        Assert.Equal(42310.6m, before!.MarkPrice);
        Assert.Null(before.FundingRate);
        Assert.Equal(42311.2m, after!.MarkPrice);
        Assert.Equal(0.0001875391284828m, after.FundingRate);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1700726400000), after.NextFundingTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1630049140746), after.EventTime);
        Assert.Null(after.IndexPrice);
    }
}
