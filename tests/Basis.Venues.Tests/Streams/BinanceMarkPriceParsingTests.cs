using Basis.Venues.Exchanges.Binance;

namespace Basis.Venues.Tests.Streams;

public sealed class BinanceMarkPriceParsingTests
{
    [Fact]
    public void The_documented_markPriceUpdate_event_is_read_field_by_field()
    {
        // The example of Binance's USDⓈ-M "Mark Price Stream" page.
        const string json = """{"e":"markPriceUpdate","E":1562305380000,"s":"BTCUSDT","p":"11794.15000000","i":"11784.62659091","P":"11784.25641265","r":"0.00038167","T":1562306400000}""";

        var update = BinanceStreamClient.ParseMarkPrice(json);

        Assert.NotNull(update);
        Assert.Equal("BTCUSDT", update.Symbol);
        Assert.Equal(11794.15m, update.MarkPrice);
        Assert.Equal(11784.62659091m, update.IndexPrice);
        Assert.Equal(0.00038167m, update.FundingRate);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1562306400000), update.NextFundingTime);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1562305380000), update.EventTime);
    }

    [Fact]
    public void A_delivery_contract_has_no_funding_rate_or_next_funding_time()
    {
        const string json = """{"e":"markPriceUpdate","E":1596095725000,"s":"BTCUSD_201225","p":"10934.62615417","P":"10962.17178236","i":"10933.62615417","r":"","T":0}""";

        var update = BinanceStreamClient.ParseMarkPrice(json);

        Assert.NotNull(update);
        Assert.Null(update.FundingRate);
        Assert.Null(update.NextFundingTime);
    }

    [Theory]
    [InlineData("""{"result":null,"id":1}""")]
    [InlineData("""{"e":"kline","E":1,"s":"BTCUSDT"}""")]
    [InlineData("[]")]
    public void Other_messages_are_not_mark_prices(string json) => Assert.Null(BinanceStreamClient.ParseMarkPrice(json));
}
