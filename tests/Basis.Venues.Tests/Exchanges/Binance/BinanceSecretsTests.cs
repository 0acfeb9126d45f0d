using System.Net;
using Basis.Venues.Exchanges;
using static Basis.Venues.Tests.Exchanges.ScriptedExchange;

namespace Basis.Venues.Tests.Exchanges.Binance;

public sealed class BinanceSecretsTests
{
    [Fact]
    public async Task Secrets_appear_in_no_request_log_line_or_error()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On("POST /fapi/v1/order", TimesOut(), Respond(HttpStatusCode.BadRequest, BinanceResponsesFromDocs.Error(-2019, "Margin is insufficient.")));
        rig.Server.On("GET /fapi/v1/order", Respond(HttpStatusCode.BadRequest, BinanceResponsesFromDocs.Error(-2013, "Order does not exist.")));

        var error = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.PlaceOrderAsync(
            OrderRequest.Market(TradingAccount.Futures, "BTCUSDT", OrderSide.Buy, 1m, "abc123"), TestContext.Current.CancellationToken));

        Assert.NotEmpty(rig.Logger.Lines);
        var everything = string.Join('\n', rig.Logger.Lines.Append(error.ToString())
            .Concat(rig.Server.Requests.Select(r => $"{r.Uri} {r.Body} {string.Join(',', r.Headers.Values)}")));
        Assert.DoesNotContain(BinanceTestRig.FuturesSecret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(BinanceTestRig.SpotSecret, everything, StringComparison.Ordinal);
        Assert.DoesNotContain("signature=", string.Join('\n', rig.Logger.Lines), StringComparison.Ordinal);
    }
}
