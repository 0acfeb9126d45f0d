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

    [Fact]
    public async Task Deposits_are_read_with_binances_status_codes_and_hashes_in_one_form()
    {
        using var rig = new BinanceTestRig();
        // https://developers.binance.com/docs/wallet/capital/deposite-history (response example, values adapted): 1
        // success, 6 credited but not yet withdrawable, 0 pending, 7 wrong deposit; an off-chain transfer's txId is text.
        rig.Server.On("GET /sapi/v1/capital/deposit/hisrec", Ok("""
            [
              {"id":"769800519366885376","amount":"2500","coin":"USDT","network":"ETH","status":1,"address":"0x3333","addressTag":"",
               "txId":"0xAAD4654A3234AA6118AF9B4B335F5AE81C360B2394721C019B5D1E75328B09F3","insertTime":1661493146000,"transferType":0,"confirmTimes":"12/12","unlockConfirm":0,"walletType":0},
              {"id":"2","amount":"10","coin":"USDT","network":"ETH","status":6,"txId":"bb14d10e1b7e44cb8f6dbeb1a8cd5c1a47e3c2f70d8e1a8c7a0ad0ec1b4b7b2a","insertTime":1661493145000},
              {"id":"3","amount":"5","coin":"USDT","network":"ETH","status":0,"txId":"0xcc","insertTime":1661493144000},
              {"id":"4","amount":"1","coin":"USDT","network":"ETH","status":7,"txId":"Internal transfer 51376627901","insertTime":1661493143000}
            ]
            """));
        var since = DateTimeOffset.FromUnixTimeMilliseconds(1_661_400_000_000);

        var deposits = await rig.Client.GetDepositsAsync("USDT", since, TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                new DepositRecord("USDT", 2_500m, "0xaad4654a3234aa6118af9b4b335f5ae81c360b2394721c019b5d1e75328b09f3", DepositStatus.Credited, DateTimeOffset.FromUnixTimeMilliseconds(1_661_493_146_000)),
                new DepositRecord("USDT", 10m, "0xbb14d10e1b7e44cb8f6dbeb1a8cd5c1a47e3c2f70d8e1a8c7a0ad0ec1b4b7b2a", DepositStatus.Credited, DateTimeOffset.FromUnixTimeMilliseconds(1_661_493_145_000)),
                new DepositRecord("USDT", 5m, "0xcc", DepositStatus.Pending, DateTimeOffset.FromUnixTimeMilliseconds(1_661_493_144_000)),
                new DepositRecord("USDT", 1m, "Internal transfer 51376627901", DepositStatus.Failed, DateTimeOffset.FromUnixTimeMilliseconds(1_661_493_143_000)),
            ],
            deposits);
        var get = Assert.Single(rig.Server.To("GET /sapi/v1/capital/deposit/hisrec"));
        Assert.Equal(("USDT", "1661400000000"), (get.Parameter("coin"), get.Parameter("startTime")));
    }

    [Fact]
    public async Task A_withdrawal_is_read_by_its_id_and_an_unknown_one_is_an_unknown_withdrawal()
    {
        using var rig = new BinanceTestRig();
        // https://developers.binance.com/docs/wallet/capital/withdraw-history (response example).
        rig.Server.On("GET /sapi/v1/capital/withdraw/history", Ok("""
            [{"id":"b6ae22b3aa844210a7041aee7589627c","amount":"8.91000000","transactionFee":"0.004","coin":"USDT","status":6,
              "address":"0x94df8b352de7f46f64b01d3666bf6e936e44ce60","txId":"0xb5ef8c13b968a406cc62a93a8bd80f9e9a906ef1b3fcf20a2e48573c17659268",
              "applyTime":"2019-10-12 11:12:02","network":"ETH","transferType":0,"withdrawOrderId":"WITHDRAWtest123","info":"","confirmNo":3,"walletType":1,"txKey":"","completeTime":"2023-03-23 16:52:41"}]
            """), Ok("[]"));

        var withdrawal = await rig.Client.GetWithdrawalAsync("b6ae22b3aa844210a7041aee7589627c", TestContext.Current.CancellationToken);
        var unknown = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.GetWithdrawalAsync("nope", TestContext.Current.CancellationToken));

        Assert.Equal(
            new WithdrawalRecord(
                "b6ae22b3aa844210a7041aee7589627c", "USDT", 8.91m, 0.004m, "0x94df8b352de7f46f64b01d3666bf6e936e44ce60",
                "0xb5ef8c13b968a406cc62a93a8bd80f9e9a906ef1b3fcf20a2e48573c17659268", WithdrawalStatus.Completed),
            withdrawal);
        Assert.Equal(ExchangeErrorKind.UnknownWithdrawal, unknown.Kind);
        Assert.Equal("b6ae22b3aa844210a7041aee7589627c", rig.Server.To("GET /sapi/v1/capital/withdraw/history")[0].Parameter("idList"));
    }
}
