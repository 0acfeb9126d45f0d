using System.Numerics;
using Basis.Core.Accounting;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Lido;
using Basis.Venues.Tests.Ethereum.Fixtures;

namespace Basis.Venues.Tests.Ethereum.Lido;

/// <summary>The Lido adapter against the stand-in with Lido's interface (Fixtures/Contracts/LstStandIns.sol).</summary>
public sealed class LidoStakingTests(EthereumChainFixture fixture) : ChainTest(fixture)
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    [Fact]
    public async Task Submitted_eth_rebases_with_rewards_and_wraps_into_wsteth_at_the_rate_the_engine_values_it()
    {
        var ct = TestContext.Current.CancellationToken;
        var lsts = Fixture.Lsts;
        using var staker = Fixture.Client(1);
        using var oracle = Fixture.Client(0);
        var lido = new LidoStaking(staker, lsts.StEth, lsts.WstEth);
        var stEth = new Erc20Token(staker, lsts.StEth);
        var wstEth = new Erc20Token(staker, lsts.WstEth);

        await lido.SubmitAsync(10 * Ether, ct);
        Assert.Equal(10 * Ether, await stEth.BalanceOfAsync());

        // An oracle report of 1 ETH of rewards on 10 pooled: stETH rebases to 11, and a share is worth 1.1 ETH.
        await oracle.SendAsync(lsts.StEth, new SimulateRewardsFunction { AmountToSend = Ether }, ct);
        Assert.Equal(11 * Ether, await stEth.BalanceOfAsync());
        Assert.Equal(1.1m, await lido.StEthPerWstEthAsync());

        // Wrapping 5.5 stETH at 1.1 mints 5.5 / 1.1 = 5 wstETH.
        var toWrap = 55 * Ether / 10;
        Assert.Equal(5 * Ether, await lido.WstEthForStEthAsync(toWrap));
        await lido.WrapAsync(toWrap, ct);
        Assert.Equal(5 * Ether, await wstEth.BalanceOfAsync());
        Assert.Equal(toWrap, await stEth.BalanceOfAsync());
        Assert.Equal(5.0, LstAccounting.MintUnits(5.5, 1.1), 1e-15);
        Assert.Equal((double)await lido.StEthForWstEthAsync(5 * Ether) / 1e18, LstAccounting.EthValue(5, 1.1), 1e-15);

        await lido.UnwrapAsync(5 * Ether, ct);
        Assert.Equal(BigInteger.Zero, await wstEth.BalanceOfAsync());
        Assert.Equal(11 * Ether, await stEth.BalanceOfAsync());
    }

    [Fact]
    public async Task Wrapping_more_steth_than_held_reverts_and_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        var lsts = Fixture.Lsts;
        using var staker = Fixture.Client(1);
        var lido = new LidoStaking(staker, lsts.StEth, lsts.WstEth);
        await lido.SubmitAsync(Ether, ct);

        var revert = await Assert.ThrowsAsync<EthereumRevertException>(() => lido.WrapAsync(2 * Ether, ct));

        Assert.Equal("BALANCE_EXCEEDED", revert.Reason);
        Assert.Equal(Ether, await new Erc20Token(staker, lsts.StEth).BalanceOfAsync());
        Assert.Equal(BigInteger.Zero, await new Erc20Token(staker, lsts.WstEth).BalanceOfAsync());
    }
}
