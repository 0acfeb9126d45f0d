using System.Net;
using Basis.Venues.Exchanges;
using static Basis.Venues.Tests.Exchanges.ScriptedExchange;

namespace Basis.Venues.Tests.Exchanges.Binance;

public sealed class BinanceClockTests
{
    private const string TimestampRejected = "Timestamp for this request is outside of the recvWindow.";

    [Fact]
    public async Task Signed_requests_carry_the_server_clock_measured_first()
    {
        using var rig = new BinanceTestRig();
        // The server's clock is 1.5 s ahead of ours.
        rig.Server.ServerTimeMs = BinanceTestRig.LocalStart.ToUnixTimeMilliseconds() + 1500;
        rig.Server.On("GET /fapi/v2/positionRisk", Ok("[]"));

        await rig.Client.GetPositionsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(["GET /fapi/v1/time", "GET /fapi/v2/positionRisk"], rig.Server.Requests.Select(r => r.MethodAndPath));
        Assert.Equal(1500, rig.Client.ServerTimeOffsetMs);
        var positions = rig.Server.To("GET /fapi/v2/positionRisk")[0];
        Assert.Equal("1591702615443", positions.Parameter("timestamp"));
        Assert.Equal("5000", positions.Parameter("recvWindow"));
        Assert.Matches("^recvWindow=5000&timestamp=1591702615443&signature=[0-9a-f]{64}$", positions.Parameters);
    }

    [Fact]
    public async Task A_timestamp_rejection_resyncs_the_clock_and_sends_once_more()
    {
        using var rig = new BinanceTestRig();
        var local = BinanceTestRig.LocalStart.ToUnixTimeMilliseconds();
        rig.Server.On("GET /fapi/v1/time", Ok($$"""{"serverTime":{{local + 1000}}}"""), Ok($$"""{"serverTime":{{local + 3000}}}"""));
        rig.Server.On(
            "GET /fapi/v2/positionRisk",
            Respond(HttpStatusCode.BadRequest, BinanceResponsesFromDocs.Error(-1021, TimestampRejected)),
            Ok(BinanceResponsesFromDocs.PositionRisk));

        var positions = await rig.Client.GetPositionsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(
            ["GET /fapi/v1/time", "GET /fapi/v2/positionRisk", "GET /fapi/v1/time", "GET /fapi/v2/positionRisk"],
            rig.Server.Requests.Select(r => r.MethodAndPath));
        var attempts = rig.Server.To("GET /fapi/v2/positionRisk");
        Assert.Equal((local + 1000).ToString(System.Globalization.CultureInfo.InvariantCulture), attempts[0].Parameter("timestamp"));
        Assert.Equal((local + 3000).ToString(System.Globalization.CultureInfo.InvariantCulture), attempts[1].Parameter("timestamp"));
        Assert.Equal(2, positions.Count);
    }

    [Fact]
    public async Task A_second_timestamp_rejection_is_reported_not_retried_again()
    {
        using var rig = new BinanceTestRig();
        var rejected = Respond(HttpStatusCode.BadRequest, BinanceResponsesFromDocs.Error(-1021, TimestampRejected));
        rig.Server.On("POST /fapi/v1/order", rejected, rejected);

        var error = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.PlaceOrderAsync(
            OrderRequest.Market(TradingAccount.Futures, "BTCUSDT", OrderSide.Sell, 0.01m, "abc123"), TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.TimestampOutsideRecvWindow, error.Kind);
        Assert.Equal(2, rig.Server.To("POST /fapi/v1/order").Count);
    }
}
