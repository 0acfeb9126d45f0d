using System.Numerics;
using Basis.Core.Accounting;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.EtherFi;
using Basis.Venues.Tests.Ethereum.Fixtures;

namespace Basis.Venues.Tests.Ethereum.EtherFi;

/// <summary>The EtherFi adapter against the stand-in with EtherFi's interface (Fixtures/Contracts/LstStandIns.sol).</summary>
public sealed class EtherFiStakingTests(EthereumChainFixture fixture) : ChainTest(fixture)
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    [Fact]
    public async Task Deposited_eth_becomes_eeth_and_wraps_into_weeth_at_the_rate()
    {
        var ct = TestContext.Current.CancellationToken;
        var lsts = Fixture.Lsts;
        using var staker = Fixture.Client(1);
        using var oracle = Fixture.Client(0);
        var etherFi = new EtherFiStaking(staker, lsts.EtherFiLiquidityPool, lsts.EEth, lsts.WeEth);
        var eEth = new Erc20Token(staker, lsts.EEth);
        var weEth = new Erc20Token(staker, lsts.WeEth);

        await etherFi.DepositAsync(10 * Ether, ct);
        Assert.Equal(10 * Ether, await eEth.BalanceOfAsync());
        Assert.Equal(1m, await etherFi.RateAsync());

        // 0.5 ETH of rewards on 10 pooled: eETH rebases to 10.5 and the weETH rate is 1.05.
        await oracle.SendAsync(lsts.EtherFiLiquidityPool, new SimulateRewardsFunction { AmountToSend = Ether / 2 }, ct);
        Assert.Equal(105 * Ether / 10, await eEth.BalanceOfAsync());
        Assert.Equal(1.05m, await etherFi.RateAsync());

        // Wrapping all 10.5 eETH at 1.05 mints 10 weETH, worth 10 × 1.05 = 10.5 ETH to the engine.
        await etherFi.WrapAsync(105 * Ether / 10, ct);
        Assert.Equal(10 * Ether, await weEth.BalanceOfAsync());
        Assert.Equal(BigInteger.Zero, await eEth.BalanceOfAsync());
        Assert.Equal((double)await etherFi.EEthForWeEthAsync(10 * Ether) / 1e18, LstAccounting.EthValue(10, 1.05), 1e-15);

        // Unwrapping 4 weETH returns 4 × 1.05 = 4.2 eETH.
        await etherFi.UnwrapAsync(4 * Ether, ct);
        Assert.Equal(42 * Ether / 10, await eEth.BalanceOfAsync());
        Assert.Equal(6 * Ether, await weEth.BalanceOfAsync());
    }
}
