using System.Numerics;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Tests.Ethereum.Fixtures;

namespace Basis.Venues.Tests.Ethereum;

public sealed class EthereumClientTests(EthereumChainFixture fixture) : ChainTest(fixture)
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    private static readonly BigInteger Gwei = 1_000_000_000;

    [Fact]
    public async Task Chain_time_is_the_latest_block_and_moves_with_evm_increaseTime()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = Fixture.Client(1);
        var before = await client.ChainTimeAsync(ct);

        await Fixture.Chain.IncreaseTimeAsync(TimeSpan.FromDays(1), ct);

        var after = await client.ChainTimeAsync(ct);
        Assert.InRange(after - before, TimeSpan.FromDays(1), TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task A_receipt_wait_gives_up_after_its_timeout_and_a_transaction_reverted_when_mined_surfaces_its_reason()
    {
        var ct = TestContext.Current.CancellationToken;
        var market = Fixture.Market;
        using var lender = Fixture.Client(1);
        await lender.SendAsync(market.Weth, new MintFunction { Account = lender.Account.Address, Value = 100 * Ether }, ct);
        await new AavePool(lender, market.Pool).SupplyAsync(market.Weth, 100 * Ether, ct);
        using var borrower = Fixture.Client(2);
        await borrower.SendAsync(market.WeEth, new MintFunction { Account = borrower.Account.Address, Value = 10 * Ether }, ct);
        var pool = new AavePool(borrower, market.Pool);
        await pool.SupplyAsync(market.WeEth, 10 * Ether, ct);

        using var admin = Fixture.Client(0);
        var crash = await AaveV3Deployment.DeployPriceFeedAsync(admin, Fixture.Artifacts, 1750m, ct);
        admin.Fees.MinPriorityFeeWei = 10 * Gwei;
        try
        {
            await Fixture.Chain.CallAsync("evm_setAutomine", [false], ct);

            // 7 WETH against 10 weETH at $2100 (LTV 72.5 %: 7.6 WETH) passes its gas estimate; the oracle moving to
            // $1750 (6.3 WETH) with a higher tip is mined first in the same block, so the borrow reverts when mined.
            var borrow = await borrower.SubmitAsync(market.Pool, Borrow(borrower, market.Weth, 7 * Ether), ct);
            var shock = await admin.SubmitAsync(market.Oracle, new SetAssetSourcesFunction { Assets = [market.WeEth], Sources = [crash] }, ct);
            using var impatient = new EthereumClient(new Uri(Fixture.Chain.RpcUrl), borrower.Account) { ReceiptTimeout = TimeSpan.FromMilliseconds(200), ReceiptPollInterval = TimeSpan.FromMilliseconds(20) };
            await Assert.ThrowsAsync<TimeoutException>(() => impatient.WaitForReceiptAsync(borrow, ct));

            await Fixture.Chain.CallAsync("evm_mine", [], ct);

            Assert.Equal(BigInteger.One, (await admin.WaitForReceiptAsync(shock, ct)).Status.Value);
            var revert = await Assert.ThrowsAsync<EthereumRevertException>(() => borrower.WaitForReceiptAsync(borrow, ct));
            Assert.Equal("36", revert.Reason); // Errors.COLLATERAL_CANNOT_COVER_NEW_BORROW
            Assert.Equal(borrow, revert.TransactionHash);
        }
        finally
        {
            // A block flushes anything a failure left pending: the mempool outlives evm_revert.
            await Fixture.Chain.CallAsync("evm_setAutomine", [true], ct);
            await Fixture.Chain.CallAsync("evm_mine", [], ct);
        }
    }

    [Theory]
    [InlineData("0x08c379a0000000000000000000000000000000000000000000000000000000000000002000000000000000000000000000000000000000000000000000000000000000023336000000000000000000000000000000000000000000000000000000000000", "36")]
    [InlineData("0x4e487b710000000000000000000000000000000000000000000000000000000000000011", "Panic(0x11)")]
    [InlineData("0x1425ea42", "custom error 0x1425ea42")]
    public void Revert_data_decodes_to_its_reason(string data, string reason) => Assert.Equal(reason, RevertReason.Decode(data));

    private static BorrowFunction Borrow(EthereumClient client, string asset, BigInteger amount) =>
        new() { Asset = asset, Amount = amount, InterestRateMode = 2, OnBehalfOf = client.Account.Address };
}
