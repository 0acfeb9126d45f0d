using System.Net;
using Basis.Venues.Exchanges;
using Basis.Venues.Exchanges.Signing;
using static Basis.Venues.Tests.Exchanges.ScriptedExchange;

namespace Basis.Venues.Tests.Exchanges.Okx;

public sealed class OkxWalletTests
{
    private const string Timestamp = "2020-12-08T09:08:57.715Z";

    [Fact]
    public async Task A_transfer_to_spot_moves_trading_to_funding_and_returns_the_trans_id()
    {
        using var rig = new OkxTestRig();
        // https://www.okx.com/docs-v5/en/#funding-account-rest-api-funds-transfer
        rig.Server.On("POST /api/v5/asset/transfer", Ok(OkxTestRig.Envelope(
            """[{"transId":"754147","ccy":"USDT","clientId":"","from":"18","amt":"250.5","to":"6"}]""")));

        var transId = await rig.Client.TransferAsync("USDT", 250.5m, TransferDirection.FuturesToSpot, TestContext.Current.CancellationToken);

        var post = Assert.Single(rig.Server.To("POST /api/v5/asset/transfer"));
        const string expectedBody = """{"ccy":"USDT","amt":"250.5","from":"18","to":"6"}""";
        Assert.Equal(expectedBody, post.Body);
        Assert.Equal(OkxSigner.Sign(OkxTestRig.Secret, Timestamp, HttpMethod.Post, "/api/v5/asset/transfer", expectedBody), post.Headers["OK-ACCESS-SIGN"]);
        Assert.Equal("754147", transId);
    }

    [Fact]
    public async Task A_transfer_whose_outcome_is_unknown_is_not_sent_again()
    {
        using var rig = new OkxTestRig();
        rig.Server.On("POST /api/v5/asset/transfer", Respond(HttpStatusCode.BadGateway, "<html>502</html>"));

        var error = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.TransferAsync(
            "USDT", 250m, TransferDirection.SpotToFutures, TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.ExchangeUnavailable, error.Kind);
        Assert.Equal("""{"ccy":"USDT","amt":"250","from":"6","to":"18"}""", Assert.Single(rig.Server.To("POST /api/v5/asset/transfer")).Body);
        Assert.Empty(rig.Clock.Waits);
    }

    [Fact]
    public async Task A_transfer_beyond_the_funding_balance_is_reported_as_insufficient_balance()
    {
        using var rig = new OkxTestRig();
        rig.Server.On("POST /api/v5/asset/transfer", Ok("""{"code":"58350","msg":"Insufficient balance","data":[]}"""));

        var error = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.TransferAsync(
            "USDT", 1_000_000m, TransferDirection.SpotToFutures, TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.InsufficientBalanceOrMargin, error.Kind);
        Assert.Equal("58350", error.VenueCode);
    }

    [Fact]
    public async Task The_deposit_address_is_the_entry_whose_chain_is_currency_dash_network()
    {
        using var rig = new OkxTestRig();
        // https://www.okx.com/docs-v5/en/#funding-account-rest-api-get-deposit-address (values adapted)
        rig.Server.On("GET /api/v5/asset/deposit-address", Ok(OkxTestRig.Envelope("""
            [{"chain":"USDT-ERC20","ctAddr":"dac17f","ccy":"USDT","to":"6","addr":"0x3333333333333333333333333333333333333333","verifiedName":"","selected":true},
             {"chain":"USDT-TRC20","ctAddr":"a6f8c5","ccy":"USDT","to":"6","addr":"TXw1ahUq3jSrNWfHTmzHBMmHMPjFf3Pkx7","verifiedName":"","selected":false}]
            """)));

        var address = await rig.Client.GetDepositAddressAsync("USDT", "TRC20", TestContext.Current.CancellationToken);

        var get = Assert.Single(rig.Server.To("GET /api/v5/asset/deposit-address"));
        Assert.Equal("https://okx.test/api/v5/asset/deposit-address?ccy=USDT", get.Uri.AbsoluteUri);
        Assert.Equal(
            OkxSigner.Sign(OkxTestRig.Secret, Timestamp, HttpMethod.Get, "/api/v5/asset/deposit-address?ccy=USDT"), get.Headers["OK-ACCESS-SIGN"]);
        Assert.Equal(new DepositAddress("USDT", "TRC20", "TXw1ahUq3jSrNWfHTmzHBMmHMPjFf3Pkx7", null), address);
    }

    [Fact]
    public async Task A_deposit_address_with_a_memo_carries_it_as_the_tag()
    {
        using var rig = new OkxTestRig();
        rig.Server.On("GET /api/v5/asset/deposit-address", Ok(OkxTestRig.Envelope("""
            [{"chain":"EOS-EOS","ctAddr":"","ccy":"EOS","to":"6","addr":"okbtothemoon","memo":"971668","selected":true}]
            """)));

        var address = await rig.Client.GetDepositAddressAsync("EOS", "EOS", TestContext.Current.CancellationToken);

        Assert.Equal(new DepositAddress("EOS", "EOS", "okbtothemoon", "971668"), address);
    }

    [Fact]
    public async Task A_withdrawal_outside_the_allow_list_is_refused_without_any_request()
    {
        using var rig = new OkxTestRig();

        var refusal = await Assert.ThrowsAsync<WithdrawalNotAllowedException>(() => rig.Client.WithdrawAsync(
            new WithdrawalRequest("USDT", "ERC20", "0x2222222222222222222222222222222222222222", 100m, "w1"), TestContext.Current.CancellationToken));

        Assert.Equal("0x2222222222222222222222222222222222222222", refusal.Address);
        Assert.Empty(rig.Server.Requests);
    }

    [Fact]
    public async Task A_withdrawal_goes_on_chain_from_the_funding_account_under_our_client_id()
    {
        using var rig = new OkxTestRig();
        // https://www.okx.com/docs-v5/en/#funding-account-rest-api-withdrawal
        rig.Server.On("POST /api/v5/asset/withdrawal", Ok(OkxTestRig.Envelope(
            """[{"amt":"100.5","wdId":"67485","ccy":"USDT","clientId":"w1","chain":"USDT-ERC20"}]""")));

        var id = await rig.Client.WithdrawAsync(
            new WithdrawalRequest("USDT", "ERC20", OkxTestRig.AllowedAddress, 100.5m, "w1"), TestContext.Current.CancellationToken);

        Assert.Equal("67485", id);
        var post = Assert.Single(rig.Server.To("POST /api/v5/asset/withdrawal"));
        var expectedBody =
            $$"""{"ccy":"USDT","amt":"100.5","dest":"4","toAddr":"{{OkxTestRig.AllowedAddress}}","chain":"USDT-ERC20","clientId":"w1"}""";
        Assert.Equal(expectedBody, post.Body);
        Assert.Equal(OkxSigner.Sign(OkxTestRig.Secret, Timestamp, HttpMethod.Post, "/api/v5/asset/withdrawal", expectedBody), post.Headers["OK-ACCESS-SIGN"]);
    }

    [Fact]
    public async Task A_withdrawal_whose_outcome_is_unknown_is_not_sent_again_and_a_tag_joins_the_address()
    {
        using var rig = new OkxTestRig();
        rig.Server.On("POST /api/v5/asset/withdrawal", Respond(HttpStatusCode.ServiceUnavailable, "<html>503</html>"));

        var error = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.WithdrawAsync(
            new WithdrawalRequest("XRP", "Ripple", OkxTestRig.AllowedAddress, 20m, "w2", Tag: "123456"), TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.ExchangeUnavailable, error.Kind);
        var post = Assert.Single(rig.Server.To("POST /api/v5/asset/withdrawal"));
        Assert.Contains($"\"toAddr\":\"{OkxTestRig.AllowedAddress}:123456\"", post.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_trading_transfers_but_has_no_deposit_addresses_or_withdrawals()
    {
        using var rig = new OkxTestRig(demoTrading: true);
        var ct = TestContext.Current.CancellationToken;

        await Assert.ThrowsAsync<NotSupportedException>(() => rig.Client.GetDepositAddressAsync("USDT", "ERC20", ct));
        await Assert.ThrowsAsync<NotSupportedException>(() => rig.Client.WithdrawAsync(
            new WithdrawalRequest("USDT", "ERC20", OkxTestRig.AllowedAddress, 1m, "w1"), ct));
        Assert.Empty(rig.Server.Requests);

        rig.Server.On("POST /api/v5/asset/transfer", Ok(OkxTestRig.Envelope("""[{"transId":"1","ccy":"USDT","clientId":"","from":"6","amt":"1","to":"18"}]""")));
        Assert.Equal("1", await rig.Client.TransferAsync("USDT", 1m, TransferDirection.SpotToFutures, ct));
        Assert.Equal("1", Assert.Single(rig.Server.To("POST /api/v5/asset/transfer")).Headers["x-simulated-trading"]);
    }

    [Fact]
    public async Task Deposits_are_read_with_okxs_states_from_just_before_since()
    {
        using var rig = new OkxTestRig();
        // https://www.okx.com/docs-v5/en/#funding-account-rest-api-get-deposit-history (response example, values adapted):
        // 2 successful, 1 credited, 0 waiting for confirmation, 11 blacklisted address.
        rig.Server.On("GET /api/v5/asset/deposit-history", Ok(OkxTestRig.Envelope("""
            [{"actualDepBlkConfirm":"17","amt":"2500","areaCodeFrom":"","ccy":"USDT","chain":"USDT-ERC20","depId":"88165462","from":"","fromWdId":"",
              "state":"2","to":"0x3333","ts":"1655251200000","txId":"0xAAD4654A3234AA6118AF9B4B335F5AE81C360B2394721C019B5D1E75328B09F3"},
             {"amt":"10","ccy":"USDT","chain":"USDT-ERC20","depId":"2","state":"1","ts":"1655251100000","txId":"0xbb"},
             {"amt":"5","ccy":"USDT","chain":"USDT-ERC20","depId":"3","state":"0","ts":"1655251000000","txId":"0xcc"},
             {"amt":"1","ccy":"USDT","chain":"USDT-ERC20","depId":"4","state":"11","ts":"1655250900000","txId":"0xdd"}]
            """)));

        var deposits = await rig.Client.GetDepositsAsync("USDT", DateTimeOffset.FromUnixTimeMilliseconds(1_655_000_000_000), TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                new DepositRecord("USDT", 2_500m, "0xaad4654a3234aa6118af9b4b335f5ae81c360b2394721c019b5d1e75328b09f3", DepositStatus.Credited, DateTimeOffset.FromUnixTimeMilliseconds(1_655_251_200_000)),
                new DepositRecord("USDT", 10m, "0xbb", DepositStatus.Credited, DateTimeOffset.FromUnixTimeMilliseconds(1_655_251_100_000)),
                new DepositRecord("USDT", 5m, "0xcc", DepositStatus.Pending, DateTimeOffset.FromUnixTimeMilliseconds(1_655_251_000_000)),
                new DepositRecord("USDT", 1m, "0xdd", DepositStatus.Failed, DateTimeOffset.FromUnixTimeMilliseconds(1_655_250_900_000)),
            ],
            deposits);
        var get = Assert.Single(rig.Server.To("GET /api/v5/asset/deposit-history"));
        // before is exclusive: a deposit at exactly since is kept.
        Assert.Equal(("USDT", "1654999999999"), (get.Parameter("ccy"), get.Parameter("before")));
    }

    [Fact]
    public async Task A_withdrawal_is_read_by_its_id_and_an_unknown_one_is_an_unknown_withdrawal()
    {
        using var rig = new OkxTestRig();
        // https://www.okx.com/docs-v5/en/#funding-account-rest-api-get-withdrawal-history (response example, values adapted).
        rig.Server.On(
            "GET /api/v5/asset/withdrawal-history",
            Ok(OkxTestRig.Envelope("""
                [{"ccy":"USDT","chain":"USDT-ERC20","nonTradableAsset":false,"amt":"1000","ts":"1655251200000","from":"","areaCodeFrom":"",
                  "to":"0x3333333333333333333333333333333333333333","areaCodeTo":"","tag":"","pmtId":"","memo":"","addrExt":null,
                  "txId":"0xb5ef8c13b968a406cc62a93a8bd80f9e9a906ef1b3fcf20a2e48573c17659268","fee":"1.5","feeCcy":"USDT","state":"1","wdId":"58041010","clientId":"basisW1"}]
                """)),
            Ok(OkxTestRig.Envelope("[]")));

        var withdrawal = await rig.Client.GetWithdrawalAsync("58041010", TestContext.Current.CancellationToken);
        var unknown = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.GetWithdrawalAsync("1", TestContext.Current.CancellationToken));

        Assert.Equal(
            new WithdrawalRecord(
                "58041010", "USDT", 1_000m, 1.5m, "0x3333333333333333333333333333333333333333",
                "0xb5ef8c13b968a406cc62a93a8bd80f9e9a906ef1b3fcf20a2e48573c17659268", WithdrawalStatus.Sent),
            withdrawal);
        Assert.Equal(ExchangeErrorKind.UnknownWithdrawal, unknown.Kind);
        Assert.Equal("58041010", rig.Server.To("GET /api/v5/asset/withdrawal-history")[0].Parameter("wdId"));
    }
}
