using System.Numerics;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Ethereum.Uniswap;
using Basis.Venues.Tests.Ethereum.Fixtures;

namespace Basis.Venues.Tests.Ethereum.Uniswap;

public sealed class UniswapV3RouterTests(EthereumChainFixture fixture) : ChainTest(fixture)
{
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    private const int SlippageBps = 50;

    [Fact]
    public async Task A_swap_within_the_slippage_bound_pays_exactly_the_quote_and_a_deadline_follows_chain_time()
    {
        var ct = TestContext.Current.CancellationToken;
        var (market, uniswap) = (Fixture.Market, Fixture.Uniswap);
        using var trader = Fixture.Client(1);
        var router = new UniswapV3Router(trader, uniswap.SwapRouter, uniswap.QuoterV2);
        await trader.SendAsync(market.Weth, new MintFunction { Account = trader.Account.Address, Value = Ether }, ct);
        // A day ahead of this machine's clock: a deadline from DateTime.UtcNow would have passed already.
        await Fixture.Chain.IncreaseTimeAsync(TimeSpan.FromDays(1), ct);

        var quote = await router.QuoteExactInputSingleAsync(market.Weth, market.Usdt, uniswap.Fee, Ether);
        // 1 WETH into 1000 WETH / 2 000 000 USDT at 0.3 %: 2 000 000 × 0.997 / (1000 + 0.997) ≈ 1992.0 USDT.
        Assert.InRange(RayMath.Scale(quote.AmountOut, 6), 1991.5m, 1992.5m);
        Assert.Equal(quote.AmountOut * 9950 / 10_000, quote.MinimumOut(SlippageBps));
        await router.SwapExactInputSingleAsync(market.Weth, market.Usdt, uniswap.Fee, Ether, quote.MinimumOut(SlippageBps), TimeSpan.FromMinutes(5), ct);

        Assert.Equal(quote.AmountOut, await new Erc20Token(trader, market.Usdt).BalanceOfAsync());
        Assert.Equal(BigInteger.Zero, await new Erc20Token(trader, market.Weth).BalanceOfAsync());
    }

    [Fact]
    public async Task A_swap_beyond_the_slippage_bound_reverts_with_too_little_received_and_keeps_the_input()
    {
        var ct = TestContext.Current.CancellationToken;
        var (market, uniswap) = (Fixture.Market, Fixture.Uniswap);
        using var trader = Fixture.Client(1);
        using var whale = Fixture.Client(2);
        var router = new UniswapV3Router(trader, uniswap.SwapRouter, uniswap.QuoterV2);
        await trader.SendAsync(market.Weth, new MintFunction { Account = trader.Account.Address, Value = Ether }, ct);
        var quote = await router.QuoteExactInputSingleAsync(market.Weth, market.Usdt, uniswap.Fee, Ether);

        // Between quote and swap, 100 WETH sold into the pool moves the price about 17 % (1000 → 1100 WETH).
        await whale.SendAsync(market.Weth, new MintFunction { Account = whale.Account.Address, Value = 100 * Ether }, ct);
        await new UniswapV3Router(whale, uniswap.SwapRouter, uniswap.QuoterV2)
            .SwapExactInputSingleAsync(market.Weth, market.Usdt, uniswap.Fee, 100 * Ether, BigInteger.Zero, TimeSpan.FromMinutes(5), ct);

        var revert = await Assert.ThrowsAsync<EthereumRevertException>(() =>
            router.SwapExactInputSingleAsync(market.Weth, market.Usdt, uniswap.Fee, Ether, quote.MinimumOut(SlippageBps), TimeSpan.FromMinutes(5), ct));

        Assert.Equal("Too little received", revert.Reason);
        Assert.Equal(Ether, await new Erc20Token(trader, market.Weth).BalanceOfAsync());
        Assert.Equal(BigInteger.Zero, await new Erc20Token(trader, market.Usdt).BalanceOfAsync());
    }
}
