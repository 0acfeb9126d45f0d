using System.Numerics;
using Basis.Venues.Ethereum;
using Basis.Venues.Tests.Ethereum.Fixtures;
using Nethereum.RPC.Eth.DTOs;

namespace Basis.Venues.Tests.Ethereum;

public sealed class NonceManagerTests(EthereumChainFixture fixture) : ChainTest(fixture)
{
    [Fact]
    public async Task Twenty_concurrent_sends_from_one_account_all_mine_with_consecutive_nonces()
    {
        var ct = TestContext.Current.CancellationToken;
        var token = Fixture.Market.Weth;
        using var client = Fixture.Client(3);
        var start = await client.Nonces.PeekAsync(ct);

        var receipts = await Task.WhenAll(Enumerable.Range(1, 20).Select(i =>
            client.SendAsync(token, new MintFunction { Account = client.Account.Address, Value = i }, ct)));

        var nonces = new List<BigInteger>();
        foreach (var receipt in receipts)
        {
            Assert.Equal(BigInteger.One, receipt.Status.Value);
            nonces.Add((await client.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(receipt.TransactionHash)).Nonce.Value);
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => start + i), nonces.Order());
        // 1 + 2 + … + 20 = 210 minted.
        Assert.Equal(new BigInteger(210), await new Erc20Token(client, token).BalanceOfAsync());
        Assert.Equal(start + 20, await PendingNonceAsync(client));
    }

    [Fact]
    public async Task A_restarted_manager_continues_from_the_chain_and_a_stale_one_resyncs_on_nonce_too_low()
    {
        var ct = TestContext.Current.CancellationToken;
        var token = Fixture.Market.Weth;
        using var first = Fixture.Client(3);
        var start = await first.Nonces.PeekAsync(ct);
        await first.SendAsync(token, new MintFunction { Account = first.Account.Address, Value = 1 }, ct);
        await first.SendAsync(token, new MintFunction { Account = first.Account.Address, Value = 1 }, ct);

        // A new process for the same account: no memory, so it reads the pending count.
        using var restarted = Fixture.Client(3);
        Assert.Equal(start + 2, await restarted.Nonces.PeekAsync(ct));
        var sent = await restarted.SendAsync(token, new MintFunction { Account = first.Account.Address, Value = 1 }, ct);
        Assert.Equal(start + 2, await NonceOfAsync(restarted, sent));

        // The first still believes start + 2 is next: the node answers "nonce too low" and it resyncs.
        Assert.Equal(start + 2, await first.Nonces.PeekAsync(ct));
        var resent = await first.SendAsync(token, new MintFunction { Account = first.Account.Address, Value = 1 }, ct);
        Assert.Equal(start + 3, await NonceOfAsync(first, resent));
        Assert.Equal(start + 4, await first.Nonces.PeekAsync(ct));
    }

    private static async Task<BigInteger> NonceOfAsync(EthereumClient client, TransactionReceipt receipt) =>
        (await client.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(receipt.TransactionHash)).Nonce.Value;

    private static async Task<BigInteger> PendingNonceAsync(EthereumClient client) =>
        (await client.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(client.Account.Address, BlockParameter.CreatePending())).Value;
}
