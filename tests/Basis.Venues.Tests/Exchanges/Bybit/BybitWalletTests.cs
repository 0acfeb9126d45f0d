using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Basis.Venues.Exchanges;
using static Basis.Venues.Tests.Exchanges.ScriptedExchange;

namespace Basis.Venues.Tests.Exchanges.Bybit;

public sealed class BybitWalletTests
{
    private static string Hmac(string payload) => Convert.ToHexStringLower(
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(BybitTestRig.Secret), Encoding.UTF8.GetBytes(payload)));

    [Fact]
    public async Task A_transfer_to_futures_moves_funding_to_the_unified_account_under_a_fresh_uuid()
    {
        using var rig = new BybitTestRig();
        // https://bybit-exchange.github.io/docs/v5/asset/transfer/create-inter-transfer
        rig.Server.On("POST /v5/asset/transfer/inter-transfer", Ok(BybitTestRig.Envelope(
            """{"transferId":"42c0cfb0-6bca-c242-bc76-4e6df6cbab16","status":"SUCCESS"}""")));

        var transferId = await rig.Client.TransferAsync("USDT", 250.5m, TransferDirection.SpotToFutures, TestContext.Current.CancellationToken);

        var post = Assert.Single(rig.Server.To("POST /v5/asset/transfer/inter-transfer"));
        var sentId = JsonDocument.Parse(post.Body).RootElement.GetProperty("transferId").GetString();
        Assert.True(Guid.TryParseExact(sentId, "D", out _));
        var expectedBody = $$"""{"transferId":"{{sentId}}","coin":"USDT","amount":"250.5","fromAccountType":"FUND","toAccountType":"UNIFIED"}""";
        Assert.Equal(expectedBody, post.Body);
        Assert.Equal("application/json", post.ContentType);
        Assert.Equal(Hmac("1658384314791XXXXXXXXXX5000" + expectedBody), post.Headers["X-BAPI-SIGN"]);
        Assert.Equal("42c0cfb0-6bca-c242-bc76-4e6df6cbab16", transferId);
    }

    [Fact]
    public async Task A_transfer_to_spot_leaves_the_unified_account_for_the_funding_wallet()
    {
        using var rig = new BybitTestRig();
        rig.Server.On("POST /v5/asset/transfer/inter-transfer", Ok(BybitTestRig.Envelope("""{"transferId":"t1","status":"SUCCESS"}""")));

        await rig.Client.TransferAsync("USDT", 10m, TransferDirection.FuturesToSpot, TestContext.Current.CancellationToken);

        var body = JsonDocument.Parse(Assert.Single(rig.Server.To("POST /v5/asset/transfer/inter-transfer")).Body).RootElement;
        Assert.Equal("UNIFIED", body.GetProperty("fromAccountType").GetString());
        Assert.Equal("FUND", body.GetProperty("toAccountType").GetString());
    }

    [Fact]
    public async Task A_transfer_whose_outcome_is_unknown_is_not_sent_again()
    {
        using var rig = new BybitTestRig();
        rig.Server.On("POST /v5/asset/transfer/inter-transfer", Respond(HttpStatusCode.BadGateway, "<html>502</html>"));

        var error = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.TransferAsync(
            "USDT", 250m, TransferDirection.SpotToFutures, TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.ExchangeUnavailable, error.Kind);
        Assert.Single(rig.Server.To("POST /v5/asset/transfer/inter-transfer"));
        Assert.Empty(rig.Clock.Waits);
    }

    [Fact]
    public async Task A_transfer_beyond_the_balance_is_reported_as_insufficient_balance()
    {
        using var rig = new BybitTestRig();
        rig.Server.On("POST /v5/asset/transfer/inter-transfer", Ok(BybitTestRig.Error(131212, "Insufficient balance")));

        var error = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.TransferAsync(
            "USDT", 1_000_000m, TransferDirection.SpotToFutures, TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.InsufficientBalanceOrMargin, error.Kind);
        Assert.Equal("131212", error.VenueCode);
    }

    [Fact]
    public async Task The_deposit_address_is_the_entry_of_the_requested_chain()
    {
        using var rig = new BybitTestRig();
        // https://bybit-exchange.github.io/docs/v5/asset/deposit/master-deposit-addr (values adapted)
        rig.Server.On("GET /v5/asset/deposit/query-address", Ok(BybitTestRig.Envelope("""
            {"coin":"USDT","chains":[
              {"chainType":"Arbitrum One","addressDeposit":"0x4444444444444444444444444444444444444444","tagDeposit":"","chain":"ARBI",
               "batchReleaseLimit":"-1","contractAddress":"831cc9"},
              {"chainType":"Ethereum (ERC20)","addressDeposit":"0x3333333333333333333333333333333333333333","tagDeposit":"","chain":"ETH",
               "batchReleaseLimit":"-1","contractAddress":"831ec7"}]}
            """)));

        var address = await rig.Client.GetDepositAddressAsync("USDT", "ETH", TestContext.Current.CancellationToken);

        var get = Assert.Single(rig.Server.To("GET /v5/asset/deposit/query-address"));
        Assert.Equal("https://bybit.test/v5/asset/deposit/query-address?coin=USDT&chainType=ETH", get.Uri.AbsoluteUri);
        Assert.Equal(Hmac("1658384314791XXXXXXXXXX5000coin=USDT&chainType=ETH"), get.Headers["X-BAPI-SIGN"]);
        Assert.Equal(new DepositAddress("USDT", "ETH", "0x3333333333333333333333333333333333333333", null), address);
    }

    [Fact]
    public async Task A_withdrawal_outside_the_allow_list_is_refused_without_any_request()
    {
        using var rig = new BybitTestRig();

        var refusal = await Assert.ThrowsAsync<WithdrawalNotAllowedException>(() => rig.Client.WithdrawAsync(
            new WithdrawalRequest("USDT", "ETH", "0x2222222222222222222222222222222222222222", 100m, "w1"), TestContext.Current.CancellationToken));

        Assert.Equal("0x2222222222222222222222222222222222222222", refusal.Address);
        Assert.Empty(rig.Server.Requests);
    }

    [Fact]
    public async Task A_withdrawal_leaves_the_funding_wallet_on_chain_stamped_with_server_time()
    {
        using var rig = new BybitTestRig();
        rig.Server.ServerTimeMs = BybitTestRig.LocalStart.ToUnixTimeMilliseconds() + 2000;
        // https://bybit-exchange.github.io/docs/v5/asset/withdraw
        rig.Server.On("POST /v5/asset/withdraw/create", Ok(BybitTestRig.Envelope("""{"id":"10195"}""")));

        var id = await rig.Client.WithdrawAsync(
            new WithdrawalRequest("USDT", "ETH", BybitTestRig.AllowedAddress, 100.5m, "w1"), TestContext.Current.CancellationToken);

        Assert.Equal("10195", id);
        var post = Assert.Single(rig.Server.To("POST /v5/asset/withdraw/create"));
        var expectedBody =
            $$"""{"coin":"USDT","chain":"ETH","address":"{{BybitTestRig.AllowedAddress}}","amount":"100.5","timestamp":1658384316791,"forceChain":1,"accountType":"FUND","requestId":"w1"}""";
        Assert.Equal(expectedBody, post.Body);
        Assert.Equal(Hmac("1658384316791XXXXXXXXXX5000" + expectedBody), post.Headers["X-BAPI-SIGN"]);
    }

    [Fact]
    public async Task A_withdrawal_whose_outcome_is_unknown_is_not_sent_again()
    {
        using var rig = new BybitTestRig();
        rig.Server.On("POST /v5/asset/withdraw/create", Respond(HttpStatusCode.ServiceUnavailable, "<html>503</html>"));

        var error = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.WithdrawAsync(
            new WithdrawalRequest("XRP", "XRP", BybitTestRig.AllowedAddress, 20m, "w2", Tag: "123456"), TestContext.Current.CancellationToken));

        Assert.Equal(ExchangeErrorKind.ExchangeUnavailable, error.Kind);
        var post = Assert.Single(rig.Server.To("POST /v5/asset/withdraw/create"));
        Assert.Equal("123456", JsonDocument.Parse(post.Body).RootElement.GetProperty("tag").GetString());
    }

    [Fact]
    public async Task Deposits_are_read_page_by_page_with_bybits_status_codes()
    {
        using var rig = new BybitTestRig();
        // https://bybit-exchange.github.io/docs/v5/asset/deposit/deposit-record (response example, values adapted): 3
        // success, 10012 credited to the funding pool, 1 to be confirmed, 4 failed; the cursor leads to an empty page.
        rig.Server.On(
            "GET /v5/asset/deposit/query-record",
            Ok(BybitTestRig.Envelope("""
                {"rows":[
                  {"id":"1","coin":"USDT","chain":"ETH","amount":"2500","txID":"AAD4654A3234AA6118AF9B4B335F5AE81C360B2394721C019B5D1E75328B09F3","status":3,
                   "toAddress":"0x3333","tag":"","depositFee":"","successAt":"1661493146000","confirmations":"64","txIndex":"0","blockHash":"","batchReleaseLimit":"-1","depositType":"0"},
                  {"id":"2","coin":"USDT","chain":"ETH","amount":"10","txID":"0xbb","status":10012,"successAt":"1661493145000"}
                ],"nextPageCursor":"eyJtaW5JRCI6MiwibWF4SUQiOjJ9"}
                """)),
            Ok(BybitTestRig.Envelope("""
                {"rows":[
                  {"id":"3","coin":"USDT","chain":"ETH","amount":"5","txID":"0xcc","status":1,"successAt":""},
                  {"id":"4","coin":"USDT","chain":"ETH","amount":"1","txID":"0xdd","status":4,"successAt":"1661493143000"}
                ],"nextPageCursor":"eyJtaW5JRCI6NCwibWF4SUQiOjR9"}
                """)),
            Ok(BybitTestRig.Envelope("""{"rows":[],"nextPageCursor":""}""")));

        var deposits = await rig.Client.GetDepositsAsync("USDT", DateTimeOffset.FromUnixTimeMilliseconds(1_661_400_000_000), TestContext.Current.CancellationToken);

        Assert.Equal(
            [
                ("0xaad4654a3234aa6118af9b4b335f5ae81c360b2394721c019b5d1e75328b09f3", DepositStatus.Credited, 1_661_493_146_000L),
                ("0xbb", DepositStatus.Credited, 1_661_493_145_000L),
                ("0xcc", DepositStatus.Pending, 0L),
                ("0xdd", DepositStatus.Failed, 1_661_493_143_000L),
            ],
            deposits.Select(d => (d.TxHash, d.Status, d.Time.ToUnixTimeMilliseconds())).ToArray());
        var pages = rig.Server.To("GET /v5/asset/deposit/query-record");
        Assert.Equal(["", "eyJtaW5JRCI6MiwibWF4SUQiOjJ9", "eyJtaW5JRCI6NCwibWF4SUQiOjR9"], pages.Select(p => p.Parameter("cursor") ?? "").ToArray());
        Assert.All(pages, p => Assert.Equal(("USDT", "1661400000000"), (p.Parameter("coin"), p.Parameter("startTime"))));
    }

    [Fact]
    public async Task A_withdrawal_is_read_by_its_id_and_an_unknown_one_is_an_unknown_withdrawal()
    {
        using var rig = new BybitTestRig();
        // https://bybit-exchange.github.io/docs/v5/asset/withdraw/withdraw-record (response example, values adapted).
        rig.Server.On(
            "GET /v5/asset/withdraw/query-record",
            Ok(BybitTestRig.Envelope("""
                {"rows":[{"coin":"USDT","chain":"ETH","amount":"77","txID":"","status":"SecurityCheck","toAddress":"0x3333333333333333333333333333333333333333",
                  "tag":"","withdrawFee":"4.8","createTime":"1670922217000","updateTime":"1670922217000","withdrawId":"9976","withdrawType":0}],"nextPageCursor":""}
                """)),
            Ok(BybitTestRig.Envelope("""{"rows":[],"nextPageCursor":""}""")));

        var withdrawal = await rig.Client.GetWithdrawalAsync("9976", TestContext.Current.CancellationToken);
        var unknown = await Assert.ThrowsAsync<ExchangeException>(() => rig.Client.GetWithdrawalAsync("1", TestContext.Current.CancellationToken));

        Assert.Equal(new WithdrawalRecord("9976", "USDT", 77m, 4.8m, "0x3333333333333333333333333333333333333333", null, WithdrawalStatus.Pending), withdrawal);
        Assert.Equal(ExchangeErrorKind.UnknownWithdrawal, unknown.Kind);
        Assert.Equal("9976", rig.Server.To("GET /v5/asset/withdraw/query-record")[0].Parameter("withdrawID"));
    }
}
