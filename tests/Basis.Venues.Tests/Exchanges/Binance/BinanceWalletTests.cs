using System.Net;
using Basis.Venues.Exchanges;
using static Basis.Venues.Tests.Exchanges.ScriptedExchange;

namespace Basis.Venues.Tests.Exchanges.Binance;

public sealed class BinanceWalletTests
{
    [Fact]
    public async Task A_withdrawal_outside_the_allow_list_is_refused_without_any_request()
    {
        using var rig = new BinanceTestRig();
        var request = new WithdrawalRequest("USDT", "ETH", "0x2222222222222222222222222222222222222222", 100m, "w1");

        var refusal = await Assert.ThrowsAsync<WithdrawalNotAllowedException>(
            () => rig.Client.WithdrawAsync(request, TestContext.Current.CancellationToken));

        Assert.Equal("0x2222222222222222222222222222222222222222", refusal.Address);
        Assert.Empty(rig.Server.Requests);
    }

    [Fact]
    public async Task A_withdrawal_to_an_allowed_address_is_sent_once_with_the_spot_key()
    {
        using var rig = new BinanceTestRig();
        // https://developers.binance.com/docs/wallet/capital/withdraw
        rig.Server.On("POST /sapi/v1/capital/withdraw/apply", Ok("""{"id":"7213fea8e94b4a5593d507237e5a555b"}"""));

        var id = await rig.Client.WithdrawAsync(
            new WithdrawalRequest("USDT", "ETH", BinanceTestRig.AllowedAddress, 100.5m, "w1"), TestContext.Current.CancellationToken);

        Assert.Equal("7213fea8e94b4a5593d507237e5a555b", id);
        var post = Assert.Single(rig.Server.To("POST /sapi/v1/capital/withdraw/apply"));
        Assert.Equal("https://api.test/sapi/v1/capital/withdraw/apply", post.Uri.AbsoluteUri);
        Assert.Equal(BinanceTestRig.SpotKey, post.Headers["X-MBX-APIKEY"]);
        Assert.StartsWith(
            $"coin=USDT&withdrawOrderId=w1&network=ETH&address={BinanceTestRig.AllowedAddress}&amount=100.5&recvWindow=5000&timestamp=",
            post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_transfer_whose_outcome_is_unknown_is_not_sent_again()
    {
        using var rig = new BinanceTestRig();
        rig.Server.On("POST /sapi/v1/asset/transfer", Respond(HttpStatusCode.BadGateway, "<html>502</html>"));

        var error = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.TransferAsync(
            "USDT", 250m, TransferDirection.SpotToFutures, TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.ExchangeUnavailable, error.Kind);
        Assert.Equal("MAIN_UMFUTURE", Assert.Single(rig.Server.To("POST /sapi/v1/asset/transfer")).Parameter("type"));
    }

    [Fact]
    public async Task Transfers_and_deposit_addresses_use_the_wallet_api()
    {
        using var rig = new BinanceTestRig();
        // https://developers.binance.com/docs/wallet/asset/user-universal-transfer and .../capital/deposite-address
        rig.Server.On("POST /sapi/v1/asset/transfer", Ok("""{"tranId":13526853623}"""));
        rig.Server.On("GET /sapi/v1/capital/deposit/address", Ok("""
            {"address": "0x3333333333333333333333333333333333333333", "coin": "USDT", "tag": "", "url": "https://etherscan.io/address/0x3333333333333333333333333333333333333333"}
            """));

        var transferId = await rig.Client.TransferAsync("USDT", 250m, TransferDirection.FuturesToSpot, TestContext.Current.CancellationToken);
        var address = await rig.Client.GetDepositAddressAsync("USDT", "ETH", TestContext.Current.CancellationToken);

        Assert.Equal("13526853623", transferId);
        Assert.Equal("UMFUTURE_MAIN", rig.Server.To("POST /sapi/v1/asset/transfer")[0].Parameter("type"));
        Assert.Equal(new DepositAddress("USDT", "ETH", "0x3333333333333333333333333333333333333333", null), address);
    }

    [Fact]
    public async Task Testnets_have_no_wallet_api()
    {
        using var rig = new BinanceTestRig(testnet: true);

        await Assert.ThrowsAsync<NotSupportedException>(
            () => rig.Client.GetDepositAddressAsync("USDT", "ETH", TestContext.Current.CancellationToken));
        Assert.Empty(rig.Server.Requests);
    }
}
