using System.Numerics;
using Basis.Venues.Ethereum;

namespace Basis.Venues.Tests.Ethereum.Fixtures;

/// <summary>Uniswap v3 deployed on the test chain: one WETH/USDT pool seeded with full-range liquidity.</summary>
internal sealed record UniswapMarket(string Factory, string Pool, string SwapRouter, string QuoterV2, string PositionManager, uint Fee);

/// <summary>
/// Deploys Uniswap v3 from <c>@uniswap/v3-core</c> 1.0.1 and <c>@uniswap/v3-periphery</c> 1.4.4 (factory, position
/// manager, SwapRouter, QuoterV2) and seeds a 0.3 % WETH/USDT pool at $2000 (or the price asked for) with 1000 WETH and
/// their worth in USDT over the full tick range.
/// </summary>
internal static class UniswapV3Deployment
{
    public const uint Fee = 3000;

    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    private static readonly BigInteger Usdt = BigInteger.Pow(10, 6);

    public static string? CoreArtifacts() => ArtifactDeployer.NodeModulesFolder(Path.Combine("@uniswap", "v3-core", "artifacts", "contracts"));

    public static string? PeripheryArtifacts() => ArtifactDeployer.NodeModulesFolder(Path.Combine("@uniswap", "v3-periphery", "artifacts", "contracts"));

    public static async Task<UniswapMarket> DeployAsync(EthereumClient deployer, string core, string periphery, string weth, string usdt, CancellationToken ct, int usdPerEth = 2000)
    {
        var usdtSeeded = 1000 * usdPerEth * Usdt;
        var factory = await new ArtifactDeployer(deployer, core).DeployAsync("UniswapV3Factory", ct).ConfigureAwait(false);
        var contracts = new ArtifactDeployer(deployer, periphery);
        // The position manager's token descriptor only renders NFT metadata: any address will do.
        var positions = await contracts.DeployAsync("NonfungiblePositionManager", ct, factory, weth, deployer.Account.Address).ConfigureAwait(false);
        var router = await contracts.DeployAsync("SwapRouter", ct, factory, weth).ConfigureAwait(false);
        var quoter = await contracts.DeployAsync("QuoterV2", ct, factory, weth).ConfigureAwait(false);

        // The pool's WETH is wrapped, not minted (WETH9 deposit(), selector 0xd0e30db0): WETH unwrapped later is paid in ETH the contract holds.
        await deployer.SendDataAsync(weth, "0xd0e30db0", 1000 * Ether, ct).ConfigureAwait(false);
        await deployer.SendAsync(usdt, new MintFunction { Account = deployer.Account.Address, Value = usdtSeeded }, ct).ConfigureAwait(false);
        var market = new UniswapMarket(factory, "", router, quoter, positions, Fee);
        var pool = await AddPoolAsync(deployer, core, periphery, market, (weth, 1000 * Ether), (usdt, usdtSeeded), Fee, ct).ConfigureAwait(false);
        return market with { Pool = pool };
    }

    /// <summary>
    /// Creates the <paramref name="fee"/> pool of two tokens the deployer holds, at the price their amounts make, and
    /// seeds it with both over the full tick range; returns the pool's address.
    /// </summary>
    public static async Task<string> AddPoolAsync(
        EthereumClient deployer, string core, string periphery, UniswapMarket market, (string Token, BigInteger Amount) a, (string Token, BigInteger Amount) b, uint fee, CancellationToken ct)
    {
        var contracts = new ArtifactDeployer(deployer, periphery);
        // Pools order their tokens by address; the price is token1 per token0 in smallest units, as sqrt(P) × 2^96.
        static BigInteger Number(string address) => BigInteger.Parse("0" + address[2..], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        var ((token0, amount0), (token1, amount1)) = Number(a.Token) < Number(b.Token) ? (a, b) : (b, a);
        var sqrtPriceX96 = SquareRoot((amount1 << 192) / amount0);
        await contracts.CallAsync("NonfungiblePositionManager", market.PositionManager, "createAndInitializePoolIfNecessary", ct, token0, token1, fee, sqrtPriceX96).ConfigureAwait(false);
        var pool = await new ArtifactDeployer(deployer, core).QueryAsync<string>("UniswapV3Factory", market.Factory, "getPool", token0, token1, fee).ConfigureAwait(false);

        await new Erc20Token(deployer, token0).ApproveOnceAsync(market.PositionManager, amount0, ct).ConfigureAwait(false);
        await new Erc20Token(deployer, token1).ApproveOnceAsync(market.PositionManager, amount1, ct).ConfigureAwait(false);
        var deadline = (await deployer.ChainTimeAsync(ct).ConfigureAwait(false)).AddHours(1).ToUnixTimeSeconds();
        // The widest range on the fee's tick spacing (TickMath's ±887272 rounded inwards).
        var spacing = fee switch { 100 => 1, 500 => 10, 3000 => 60, _ => 200 };
        var maxTick = 887_272 / spacing * spacing;
        await deployer.SendAsync(
            market.PositionManager,
            new MintPositionFunction
            {
                Params = new MintPositionParams
                {
                    Token0 = token0,
                    Token1 = token1,
                    Fee = fee,
                    TickLower = -maxTick,
                    TickUpper = maxTick,
                    Amount0Desired = amount0,
                    Amount1Desired = amount1,
                    Recipient = deployer.Account.Address,
                    Deadline = deadline,
                },
            },
            ct).ConfigureAwait(false);
        return pool;
    }

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
