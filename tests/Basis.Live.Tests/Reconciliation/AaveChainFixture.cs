using Basis.Testing;
using System.Numerics;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;
using Basis.Venues.Ethereum.EtherFi;
using Basis.Venues.Tests.Ethereum.Fixtures;

namespace Basis.Live.Tests.Reconciliation;

/// <summary>
/// One anvil with the real AAVE v3 core deployed (WETH, weETH and USDT reserves), the real Uniswap v3 with a WETH/USDT
/// pool at the sample's ETH price of its first hour, and the Lido and EtherFi stand-ins, by the deployments
/// Basis.Venues.Tests uses (its fixture files are compiled into this project). Tests snapshot and revert around
/// themselves.
/// </summary>
public sealed class AaveChainFixture : IAsyncLifetime
{
    private AaveMarket? _market;
    private LstStandIns? _lsts;
    private UniswapMarket? _uniswap;
    private (string Core, string Periphery) _uniswapArtifacts;

    /// <summary>The Uniswap pool's ETH price in USDT: the sample's oracle price of 2025-01-01T00:00Z (3,298.87), rounded.</summary>
    public const int UniswapUsdPerEth = 3299;

    public AnvilChain Chain { get; } = new();

    /// <summary>The deployed market (skips, or fails with BASIS_REQUIRE_SERVICES=1, when anvil or the artifacts are missing).</summary>
    internal AaveMarket Market
    {
        get
        {
            _ = Chain.RpcUrl;
            if (_market is null)
            {
                ServiceRequirement.Unavailable("the AAVE v3 artifacts are missing (.ci/tools/node_modules/@aave); run 'npm ci --prefix .ci/tools'");
            }

            return _market!;
        }
    }

    /// <summary>Uniswap v3 with its WETH/USDT pool (skips, or fails with BASIS_REQUIRE_SERVICES=1, when the artifacts are missing).</summary>
    internal UniswapMarket Uniswap => Deployed(_uniswap, "the Uniswap v3 artifacts are missing (.ci/tools/node_modules/@uniswap); run 'npm ci --prefix .ci/tools'");

    /// <summary>The Lido and EtherFi stand-ins (skips, or fails with BASIS_REQUIRE_SERVICES=1, when solc-js is missing).</summary>
    internal LstStandIns Lsts => Deployed(_lsts, "solc-js is missing (.ci/tools/node_modules/solc); run 'npm ci --prefix .ci/tools'");

    public async ValueTask InitializeAsync()
    {
        await Chain.InitializeAsync().ConfigureAwait(false);
        if (Chain.IsAvailable && AaveV3Deployment.ArtifactsFolder() is { } artifacts)
        {
            using var deployer = Client(0);
            _market = await AaveV3Deployment.DeployAsync(deployer, artifacts, TestContext.Current.CancellationToken).ConfigureAwait(false);
            if (UniswapV3Deployment.CoreArtifacts() is { } core && UniswapV3Deployment.PeripheryArtifacts() is { } periphery)
            {
                _uniswapArtifacts = (core, periphery);
                _uniswap = await UniswapV3Deployment.DeployAsync(deployer, core, periphery, _market.Weth, _market.Usdt, TestContext.Current.CancellationToken, UniswapUsdPerEth).ConfigureAwait(false);
            }

            if (LstStandInDeployment.Inputs() is { } inputs)
            {
                _lsts = await LstStandInDeployment.DeployAsync(deployer, inputs, TestContext.Current.CancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>A client of development account <paramref name="account"/>; make new ones after a revert (nonces).</summary>
    public EthereumClient Client(int account) =>
        new(new Uri(Chain.RpcUrl), EthereumAccount.FromPrivateKey(Chain.PrivateKey(account), AnvilChain.ChainId))
        {
            ReceiptPollInterval = TimeSpan.FromMilliseconds(5),
            ReceiptTimeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>
    /// The fee tier of the weETH/WETH pool <see cref="AddWeEthPoolAsync"/> adds: 0.05 %, the lowest v3-core 1.0.1's factory
    /// enables by itself (mainnet's 0.01 % tier came later by governance).
    /// </summary>
    public const uint WeEthPoolFee = 500;

    /// <summary>
    /// Adds a weETH/WETH pool at EtherFi's current rate, <paramref name="depthEth"/> ETH of weETH deep (some 1,000 weETH
    /// by default): the stand-in's weETH, staked and wrapped by the deployer, against as much wrapped ETH as it is worth.
    /// Inside a test, whose snapshot reverts it.
    /// </summary>
    public async Task AddWeEthPoolAsync(CancellationToken ct, int depthEth = 1_100)
    {
        using var admin = Client(0);
        var etherFi = new EtherFiStaking(admin, Lsts.EtherFiLiquidityPool, Lsts.EEth, Lsts.WeEth);
        await etherFi.DepositAsync(depthEth * Ether, ct);
        await etherFi.WrapAsync(await new Erc20Token(admin, Lsts.EEth).BalanceOfAsync(), ct);
        var weEth = await new Erc20Token(admin, Lsts.WeEth).BalanceOfAsync();
        var worth = await etherFi.EEthForWeEthAsync(weEth);
        // WETH9 deposit() (selector 0xd0e30db0): the pool's WETH is wrapped ETH, which an unwrap can be paid from.
        await admin.SendDataAsync(Market.Weth, "0xd0e30db0", worth, ct);
        await UniswapV3Deployment.AddPoolAsync(admin, _uniswapArtifacts.Core, _uniswapArtifacts.Periphery, Uniswap, (Lsts.WeEth, weEth), (Market.Weth, worth), WeEthPoolFee, ct);
    }

    /// <summary>The sample's weETH rate of its first hour (2025-01-01T00:00Z), in ETH per weETH.</summary>
    public const decimal SampleWeEthRate = 1.0565m;

    /// <summary>
    /// Sets EtherFi's stand-in at <paramref name="ethPerWeEth"/>, inside a test whose snapshot reverts it: 100 ETH staked
    /// by someone else (account 2), and the rewards that bring the pool's ETH per share to that rate.
    /// </summary>
    public async Task SetEtherFiRateAsync(decimal ethPerWeEth, CancellationToken ct)
    {
        using var staker = Client(2);
        await new EtherFiStaking(staker, Lsts.EtherFiLiquidityPool, Lsts.EEth, Lsts.WeEth).DepositAsync(100 * Ether, ct);
        await staker.SendAsync(Lsts.EtherFiLiquidityPool, new SimulateRewardsFunction { AmountToSend = new BigInteger((ethPerWeEth - 1) * 100m * 1_000_000m) * BigInteger.Pow(10, 12) }, ct);
    }

    /// <summary>
    /// Makes the chain a leveraged loop's market, inside a test whose snapshot reverts it: the EtherFi stand-in's weETH
    /// listed on AAVE as collateral in the ETH eMode, priced at EtherFi's current rate times WETH's price (as AAVE's
    /// weETH oracle prices it), WETH lent by flash loan, and 500 WETH of someone else's, wrapped from real ether (a loop
    /// unwraps what it borrows), lent on AAVE for the loop to borrow.
    /// </summary>
    public async Task AddLoopMarketAsync(CancellationToken ct)
    {
        using var admin = Client(0);
        var rate = await new EtherFiStaking(admin, Lsts.EtherFiLiquidityPool, Lsts.EEth, Lsts.WeEth).EEthForWeEthAsync(Ether);
        var price = (decimal)rate / (decimal)Ether * Market.Reserves["WETH"].PriceUsd;
        await AaveV3Deployment.ListLoopCollateralAsync(admin, AaveV3Deployment.ArtifactsFolder()!, Market, Lsts.WeEth, "weETH", price, ct);
        using var lender = Client(3);
        await lender.SendDataAsync(Market.Weth, "0xd0e30db0", 500 * Ether, ct);
        await new AavePool(lender, Market.Pool).SupplyAsync(Market.Weth, 500 * Ether, ct);
    }

    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    /// <summary>
    /// Writes a contracts file for this chain into <paramref name="folder"/>, laid out like the repository's
    /// (configs/venues/ethereum_contracts.yaml), listing the deployed AAVE pool and its ETH eMode, Uniswap's router and pool and the tokens;
    /// returns its path. With <paramref name="etherFi"/>, EtherFi's stand-ins are listed too: its liquidity pool, eETH,
    /// and its weETH in place of the AAVE market's (a plain mintable token, which the pool then does not know as its own),
    /// with the weETH/WETH pool's fee tier.
    /// </summary>
    public string WriteContractsFile(string folder, bool etherFi = false)
    {
        var market = Market;
        var file = Path.Combine(folder, "contracts.yaml");
        var lines = new List<string>
        {
            "chains:",
            $"  {AnvilChain.ChainId}:",
            "    name: anvil",
            "    aave_v3:",
            $"      pool: \"{market.Pool}\"",
            $"      eth_emode_category: {AaveMarket.EthCorrelatedEMode}",
        };
        if (_uniswap is { } uniswap)
        {
            lines.AddRange(["    uniswap_v3:", $"      swap_router: \"{uniswap.SwapRouter}\"", "      fee_tiers:", $"        WETH_USDT: {uniswap.Fee}"]);
            if (etherFi)
            {
                // The pool AddWeEthPoolAsync adds, inside the tests that sell weETH.
                lines.Add($"        weETH_WETH: {WeEthPoolFee}");
            }
        }

        if (etherFi)
        {
            lines.AddRange(["    etherfi:", $"      liquidity_pool: \"{Lsts.EtherFiLiquidityPool}\""]);
        }

        lines.AddRange(["    tokens:", $"      usdt: \"{market.Usdt}\"", $"      weth: \"{market.Weth}\"", $"      weeth: \"{(etherFi ? Lsts.WeEth : market.WeEth)}\""]);
        if (etherFi)
        {
            lines.Add($"      eeth: \"{Lsts.EEth}\"");
        }

        File.WriteAllLines(file, lines);
        return file;
    }

    public ValueTask DisposeAsync() => Chain.DisposeAsync();

    /// <summary>What was deployed beside the AAVE market, or the test skipped (failed when services are required) saying why not.</summary>
    private T Deployed<T>(T? deployed, string why)
        where T : class
    {
        _ = Market;
        if (deployed is null)
        {
            ServiceRequirement.Unavailable(why);
        }

        return deployed!;
    }
}
