using System.Globalization;
using System.Numerics;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Ethereum.EtherFi;
using Basis.Venues.Ethereum.Executor;
using Basis.Venues.Tests.Ethereum.Fixtures;

namespace Basis.Venues.Tests.Ethereum.Executor;

/// <summary>
/// A weETH/WETH loop market on the shared chain, set up inside a test (its snapshot reverts it): the EtherFi stand-in's
/// weETH listed on AAVE in the ETH-correlated eMode at $2100 (the fixture's weETH is a plain mintable token, which
/// no deposit can produce), EtherFi at 1.05 ETH per weETH, a weETH/WETH 0.05 % Uniswap pool at that rate, 2000 WETH
/// lent on AAVE (WETH.deposit and EtherFi.deposit share the selector of deposit()), a 5 bp flash-loan premium, and an owner in eMode with 2 WETH, an executor and its grants.
/// </summary>
internal sealed class LoopTestMarket : IDisposable
{
    public const uint SwapFee = 500;
    public static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    public static readonly BigInteger Equity = 2 * Ether;

    // The full range on the 0.05 % pool's tick spacing of 10.
    private const int MaxTick = 887_270;

    private LoopTestMarket(EthereumClient owner, LeverageExecutor executor, LoopMarket market, EthereumChainFixture fixture)
    {
        Owner = owner;
        Executor = executor;
        Market = market;
        Fixture = fixture;
    }

    public EthereumClient Owner { get; }

    public LeverageExecutor Executor { get; }

    public LoopMarket Market { get; }

    public EthereumChainFixture Fixture { get; }

    public string OwnerAddress => Owner.Account.Address;

    /// <summary>Uniswap's QuoterV2, which the tests ask how much weETH an exit sells.</summary>
    public string Quoter => Fixture.Uniswap.QuoterV2;

    public static async Task<LoopTestMarket> SetUpAsync(EthereumChainFixture fixture, CancellationToken ct)
    {
        var aave = fixture.Market;
        var lsts = fixture.Lsts;
        var uniswap = fixture.Uniswap;
        using var admin = fixture.Client(0);
        var weEthReserve = await AaveV3Deployment.ListLoopCollateralAsync(admin, fixture.Artifacts, aave, lsts.WeEth, "weETHfi", 2100m, ct);

        // EtherFi at 1.05 ETH per weETH, and a Uniswap pool at that rate deep enough for a 20 ETH exit.
        using var provider = fixture.Client(3);
        var etherFi = new EtherFiStaking(provider, lsts.EtherFiLiquidityPool, lsts.EEth, lsts.WeEth);
        await etherFi.DepositAsync(9000 * Ether, ct);
        await provider.SendAsync(lsts.EtherFiLiquidityPool, new SimulateRewardsFunction { AmountToSend = 450 * Ether }, ct);
        await etherFi.WrapAsync(await new Erc20Token(provider, lsts.EEth).BalanceOfAsync(), ct);
        var weEthLiquidity = await new Erc20Token(provider, lsts.WeEth).BalanceOfAsync();
        var wethLiquidity = weEthLiquidity * 105 / 100;
        await provider.SendAsync(aave.Weth, new MintFunction { Account = provider.Account.Address, Value = wethLiquidity }, ct);
        await SeedPoolAsync(provider, uniswap, lsts.WeEth, weEthLiquidity, aave.Weth, wethLiquidity, ct);

        using var lender = fixture.Client(1);
        // WETH9Mocked's mint creates WETH no ether backs, which the loop's unwrap cannot redeem: deposit real ether.
        await lender.SendAsync(aave.Weth, new DepositFunction { AmountToSend = 2000 * Ether }, ct);
        await new AavePool(lender, aave.Pool).SupplyAsync(aave.Weth, 2000 * Ether, ct);

        var owner = fixture.Client(2);
        await owner.SendAsync(aave.Weth, new DepositFunction { AmountToSend = Equity }, ct);
        await new AavePool(owner, aave.Pool).SetUserEModeAsync(AaveMarket.EthCorrelatedEMode, ct);
        var executor = await LeverageExecutor.DeployAsync(owner, aave.Pool, ct);
        var market = new LoopMarket(
            aave.Pool, aave.Weth, lsts.WeEth, weEthReserve.ATokenAddress, aave.Reserves["WETH"].VariableDebtToken,
            lsts.EtherFiLiquidityPool, lsts.EEth, uniswap.SwapRouter, SwapFee);
        await executor.GrantAsync(market.VariableDebtWeth, [market.Weth, market.ATokenWeEth], ct);
        return new LoopTestMarket(owner, executor, market, fixture);
    }

    public Task<LoopState> StateAsync() => LoopState.ReadAsync(Owner, Market, OwnerAddress);

    public async Task<long> DeadlineAsync(CancellationToken ct) => (await Owner.ChainTimeAsync(ct)).AddHours(1).ToUnixTimeSeconds();

    /// <summary>Every balance a loop transaction touches: the owner's ETH, WETH, weETH, eETH, aweETH and WETH debt, and the executor's.</summary>
    public async Task<BigInteger[]> BalancesAsync()
    {
        var balances = new List<BigInteger>();
        foreach (var holder in (string[])[OwnerAddress, Executor.Address])
        {
            balances.Add((await Owner.Web3.Eth.GetBalance.SendRequestAsync(holder)).Value);
            foreach (var token in (string[])[Market.Weth, Market.WeEth, Market.EEth, Market.ATokenWeEth, Market.VariableDebtWeth])
            {
                balances.Add(await new Erc20Token(Owner, token).BalanceOfAsync(holder));
            }
        }

        return [.. balances];
    }

    /// <summary>The executor's ETH, WETH, weETH, eETH: all zero after every transaction.</summary>
    public async Task<BigInteger[]> ExecutorHoldingsAsync() =>
    [
        (await Owner.Web3.Eth.GetBalance.SendRequestAsync(Executor.Address)).Value,
        await new Erc20Token(Owner, Market.Weth).BalanceOfAsync(Executor.Address),
        await new Erc20Token(Owner, Market.WeEth).BalanceOfAsync(Executor.Address),
        await new Erc20Token(Owner, Market.EEth).BalanceOfAsync(Executor.Address),
    ];

    public void Dispose() => Owner.Dispose();

    private static async Task SeedPoolAsync(EthereumClient provider, UniswapMarket uniswap, string tokenA, BigInteger amountA, string tokenB, BigInteger amountB, CancellationToken ct)
    {
        var aFirst = Address(tokenA) < Address(tokenB);
        var (token0, token1, amount0, amount1) = aFirst ? (tokenA, tokenB, amountA, amountB) : (tokenB, tokenA, amountB, amountA);
        var periphery = new ArtifactDeployer(provider, UniswapV3Deployment.PeripheryArtifacts()!);
        await periphery.CallAsync("NonfungiblePositionManager", uniswap.PositionManager, "createAndInitializePoolIfNecessary", ct, token0, token1, SwapFee, SquareRoot((amount1 << 192) / amount0));
        await new Erc20Token(provider, token0).ApproveOnceAsync(uniswap.PositionManager, amount0, ct);
        await new Erc20Token(provider, token1).ApproveOnceAsync(uniswap.PositionManager, amount1, ct);
        await provider.SendAsync(
            uniswap.PositionManager,
            new MintPositionFunction
            {
                Params = new MintPositionParams
                {
                    Token0 = token0,
                    Token1 = token1,
                    Fee = SwapFee,
                    TickLower = -MaxTick,
                    TickUpper = MaxTick,
                    Amount0Desired = amount0,
                    Amount1Desired = amount1,
                    Recipient = provider.Account.Address,
                    Deadline = (await provider.ChainTimeAsync(ct)).AddHours(1).ToUnixTimeSeconds(),
                },
            },
            ct);
    }

    private static BigInteger Address(string address) => BigInteger.Parse("0" + address[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static BigInteger SquareRoot(BigInteger n)
    {
        // Newton's method from above converges to ⌊√n⌋.
        var x = BigInteger.One << (int)((n.GetBitLength() / 2) + 1);
        while (true)
        {
            var y = (x + (n / x)) / 2;
            if (y >= x)
            {
                return x;
            }

            x = y;
        }
    }
}
