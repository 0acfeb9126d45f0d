using System.Diagnostics;
using System.Numerics;
using Basis.Venues.Ethereum;
using Basis.Venues.Ethereum.Aave;

namespace Basis.Venues.Tests.Ethereum.Fixtures;

/// <summary>
/// Deploys the real AAVE v3 core of <c>@aave/core-v3</c> 1.19.3 (its npm artifacts, libraries linked here) with
/// mock Chainlink aggregators, and lists WETH (WETH9Mocked), a mintable weETH and a 6-decimal USDT, in the order
/// AAVE's own deploy scripts follow: addresses provider → ACL → pool and configurator behind their proxies →
/// oracle and data provider → token implementations, rate strategy → reserves, risk parameters, eMode.
/// Nothing is cached on disk: about 45 transactions.
/// </summary>
internal sealed class AaveV3Deployment
{
    private static readonly BigInteger RayUnit = BigInteger.Pow(10, 27);
    private readonly EthereumClient _client;
    private readonly ArtifactDeployer _deployer;

    private AaveV3Deployment(EthereumClient client, string artifacts)
    {
        _client = client;
        _deployer = new ArtifactDeployer(client, artifacts);
    }

    /// <summary>The artifacts folder of the repository's <c>.ci/tools</c> install; null when not installed.</summary>
    public static string? ArtifactsFolder() => ArtifactDeployer.NodeModulesFolder(Path.Combine("@aave", "core-v3", "artifacts", "contracts"));

    /// <summary>Deploys a market with <paramref name="deployer"/> as owner, pool admin and treasury.</summary>
    public static async Task<AaveMarket> DeployAsync(EthereumClient deployer, string artifacts, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var run = new AaveV3Deployment(deployer, artifacts);
        var market = await run.RunAsync(cancellationToken).ConfigureAwait(false);
        return market with { Transactions = run._deployer.Transactions + 1, Duration = Stopwatch.GetElapsedTime(started) };
    }

    /// <summary>Points the oracle at a new mock aggregator answering <paramref name="priceUsd"/> (MockAggregator has no setter).</summary>
    public static async Task SetPriceAsync(EthereumClient admin, string artifacts, AaveMarket market, string asset, decimal priceUsd, CancellationToken cancellationToken)
    {
        var aggregator = await DeployPriceFeedAsync(admin, artifacts, priceUsd, cancellationToken).ConfigureAwait(false);
        await admin.SendAsync(market.Oracle, new SetAssetSourcesFunction { Assets = [asset], Sources = [aggregator] }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Lists <paramref name="token"/> (an LST the deploy did not list, such as the EtherFi stand-in's weETH) as a loop's
    /// collateral, as the deploy lists its reserves: its own token proxies, the reserves' rate strategy, 72.5 % / 75 % / 107 %
    /// outside eMode, in the ETH-correlated eMode, priced at <paramref name="priceUsd"/>; and lets WETH be flash-borrowed
    /// at a 5 bp premium (AAVE v3 Ethereum's), as a loop's plans need. Returns the new reserve.
    /// </summary>
    public static async Task<AaveReserveData> ListLoopCollateralAsync(EthereumClient admin, string artifacts, AaveMarket market, string token, string symbol, decimal priceUsd, CancellationToken ct)
    {
        var deployer = new ArtifactDeployer(admin, artifacts);
        var input = ReserveInput(
            token, 18, symbol,
            (await deployer.DeployAsync("AToken", ct, market.Pool).ConfigureAwait(false),
             await deployer.DeployAsync("StableDebtToken", ct, market.Pool).ConfigureAwait(false),
             await deployer.DeployAsync("VariableDebtToken", ct, market.Pool).ConfigureAwait(false)),
            market.RateStrategy,
            admin.Account.Address);
        await admin.SendAsync(market.PoolConfigurator, new InitReservesFunction { Input = [input] }, ct).ConfigureAwait(false);
        await deployer.CallAsync("PoolConfigurator", market.PoolConfigurator, "configureReserveAsCollateral", ct, token, 7250, 7500, 10700).ConfigureAwait(false);
        await deployer.CallAsync("PoolConfigurator", market.PoolConfigurator, "setAssetEModeCategory", ct, token, AaveMarket.EthCorrelatedEMode).ConfigureAwait(false);
        await deployer.CallAsync("PoolConfigurator", market.PoolConfigurator, "setReserveFlashLoaning", ct, market.Weth, true).ConfigureAwait(false);
        await deployer.CallAsync("PoolConfigurator", market.PoolConfigurator, "updateFlashloanPremiumTotal", ct, new BigInteger(5)).ConfigureAwait(false);
        await SetPriceAsync(admin, artifacts, market, token, priceUsd, ct).ConfigureAwait(false);
        return await new AavePool(admin, market.Pool).GetReserveDataAsync(token).ConfigureAwait(false);
    }

    /// <summary>A new mock Chainlink aggregator answering <paramref name="priceUsd"/> with 8 decimals.</summary>
    public static Task<string> DeployPriceFeedAsync(EthereumClient admin, string artifacts, decimal priceUsd, CancellationToken cancellationToken) =>
        new ArtifactDeployer(admin, artifacts).DeployAsync("MockAggregator", cancellationToken, UsdAnswer(priceUsd));

    /// <summary>A reserve's listing: its token implementations, rate strategy and treasury, its tokens named after <paramref name="symbol"/>.</summary>
    private static InitReserveInput ReserveInput(string asset, byte decimals, string symbol, (string AToken, string StableDebt, string VariableDebt) implementations, string strategy, string treasury) => new()
    {
        ATokenImpl = implementations.AToken,
        StableDebtTokenImpl = implementations.StableDebt,
        VariableDebtTokenImpl = implementations.VariableDebt,
        UnderlyingAssetDecimals = decimals,
        InterestRateStrategyAddress = strategy,
        UnderlyingAsset = asset,
        Treasury = treasury,
        IncentivesController = "0x0000000000000000000000000000000000000000",
        ATokenName = $"Aave test {symbol}",
        ATokenSymbol = $"a{symbol}",
        VariableDebtTokenName = $"Aave test variable debt {symbol}",
        VariableDebtTokenSymbol = $"variableDebt{symbol}",
        StableDebtTokenName = $"Aave test stable debt {symbol}",
        StableDebtTokenSymbol = $"stableDebt{symbol}",
    };

    private static BigInteger UsdAnswer(decimal priceUsd) => new(decimal.Round(priceUsd * 100_000_000m));

    private static BigInteger Ray(decimal fraction) => new BigInteger(fraction * 1_000_000m) * RayUnit / 1_000_000;

    private async Task<AaveMarket> RunAsync(CancellationToken ct)
    {
        var deployer = _client.Account.Address;
        // FlashLoanLogic calls BorrowLogic, so it comes after it and links against it.
        foreach (var library in (string[])["SupplyLogic", "BorrowLogic", "LiquidationLogic", "EModeLogic", "BridgeLogic", "PoolLogic", "ConfiguratorLogic", "FlashLoanLogic"])
        {
            await _deployer.DeployLibraryAsync(library, ct).ConfigureAwait(false);
        }

        var provider = await DeployAsync("PoolAddressesProvider", ct, "Basis test market", deployer).ConfigureAwait(false);
        await CallAsync("PoolAddressesProvider", provider, "setACLAdmin", ct, deployer).ConfigureAwait(false);
        var acl = await DeployAsync("ACLManager", ct, provider).ConfigureAwait(false);
        await CallAsync("PoolAddressesProvider", provider, "setACLManager", ct, acl).ConfigureAwait(false);
        await CallAsync("ACLManager", acl, "addPoolAdmin", ct, deployer).ConfigureAwait(false);

        // The provider puts each implementation behind a proxy it owns and initializes it.
        var poolImplementation = await DeployAsync("Pool", ct, provider).ConfigureAwait(false);
        await CallAsync("PoolAddressesProvider", provider, "setPoolImpl", ct, poolImplementation).ConfigureAwait(false);
        var pool = await QueryAsync<string>("PoolAddressesProvider", provider, "getPool").ConfigureAwait(false);
        var configuratorImplementation = await DeployAsync("PoolConfigurator", ct).ConfigureAwait(false);
        await CallAsync("PoolAddressesProvider", provider, "setPoolConfiguratorImpl", ct, configuratorImplementation).ConfigureAwait(false);
        var configurator = await QueryAsync<string>("PoolAddressesProvider", provider, "getPoolConfigurator").ConfigureAwait(false);

        var weth = await DeployAsync("WETH9Mocked", ct).ConfigureAwait(false);
        var weEth = await DeployAsync("MintableERC20", ct, "Wrapped eETH (test)", "weETH", 18).ConfigureAwait(false);
        var usdt = await DeployAsync("MintableERC20", ct, "Tether USD (test)", "USDT", 6).ConfigureAwait(false);
        var listed = new (string Asset, string Symbol, int Decimals, decimal PriceUsd, int LtvBps, int ThresholdBps, int BonusBps, bool Borrowable, bool EthCorrelated)[]
        {
            // Risk parameters as on AAVE v3 Ethereum (rounded); eMode lifts WETH/weETH to 93 % / 95 %.
            (weth, "WETH", 18, 2000m, 8050, 8300, 10500, true, true),
            (weEth, "weETH", 18, 2100m, 7250, 7500, 10700, false, true),
            (usdt, "USDT", 6, 1m, 7500, 7800, 10450, true, false),
        };
        var aggregators = new List<string>();
        foreach (var reserve in listed)
        {
            aggregators.Add(await DeployAsync("MockAggregator", ct, UsdAnswer(reserve.PriceUsd)).ConfigureAwait(false));
        }

        // Base currency USD: address(0) and a unit of 1e8, as the Chainlink USD feeds and AAVE v3 Ethereum use.
        var oracle = await DeployAsync(
            "AaveOracle", ct, provider, listed.Select(r => r.Asset).ToArray(), aggregators.ToArray(),
            "0x0000000000000000000000000000000000000000", "0x0000000000000000000000000000000000000000", new BigInteger(100_000_000)).ConfigureAwait(false);
        await CallAsync("PoolAddressesProvider", provider, "setPriceOracle", ct, oracle).ConfigureAwait(false);
        var dataProvider = await DeployAsync("AaveProtocolDataProvider", ct, provider).ConfigureAwait(false);
        await CallAsync("PoolAddressesProvider", provider, "setPoolDataProvider", ct, dataProvider).ConfigureAwait(false);

        // One variable-rate curve for every reserve: 0 % base, 4 % at 80 % usage, +75 % above; stable rate unused.
        var strategy = await DeployAsync(
            "DefaultReserveInterestRateStrategy", ct, provider, Ray(0.8m), BigInteger.Zero, Ray(0.04m), Ray(0.75m),
            BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, BigInteger.Zero, Ray(0.2m)).ConfigureAwait(false);
        var aToken = await DeployAsync("AToken", ct, pool).ConfigureAwait(false);
        var stableDebt = await DeployAsync("StableDebtToken", ct, pool).ConfigureAwait(false);
        var variableDebt = await DeployAsync("VariableDebtToken", ct, pool).ConfigureAwait(false);
        var inputs = listed.Select(r => ReserveInput(r.Asset, (byte)r.Decimals, r.Symbol, (aToken, stableDebt, variableDebt), strategy, deployer)).ToList();
        // The one typed send (the tuple array): counted in DeployAsync's total.
        await _client.SendAsync(configurator, new InitReservesFunction { Input = inputs }, ct).ConfigureAwait(false);

        // The category must exist before assets join it, and its threshold must exceed theirs.
        await CallAsync(
            "PoolConfigurator", configurator, "setEModeCategory", ct, AaveMarket.EthCorrelatedEMode, AaveMarket.EModeLtvBps,
            AaveMarket.EModeLiquidationThresholdBps, 10100, "0x0000000000000000000000000000000000000000", "ETH correlated").ConfigureAwait(false);
        var pools = new AavePool(_client, pool);
        var reserves = new Dictionary<string, AaveTestReserve>();
        foreach (var r in listed)
        {
            await CallAsync("PoolConfigurator", configurator, "configureReserveAsCollateral", ct, r.Asset, r.LtvBps, r.ThresholdBps, r.BonusBps).ConfigureAwait(false);
            if (r.Borrowable)
            {
                await CallAsync("PoolConfigurator", configurator, "setReserveBorrowing", ct, r.Asset, true).ConfigureAwait(false);
            }

            if (r.EthCorrelated)
            {
                await CallAsync("PoolConfigurator", configurator, "setAssetEModeCategory", ct, r.Asset, AaveMarket.EthCorrelatedEMode).ConfigureAwait(false);
            }

            var data = await pools.GetReserveDataAsync(r.Asset).ConfigureAwait(false);
            reserves[r.Symbol] = new AaveTestReserve(r.Asset, data.ATokenAddress, data.VariableDebtTokenAddress, r.Decimals, r.LtvBps, r.ThresholdBps, r.PriceUsd);
        }

        return new AaveMarket(provider, acl, pool, configurator, oracle, dataProvider, weth, weEth, usdt, reserves, 0, TimeSpan.Zero) { RateStrategy = strategy };
    }

    private Task<string> DeployAsync(string contract, CancellationToken ct, params object[] arguments) => _deployer.DeployAsync(contract, ct, arguments);

    private Task CallAsync(string contract, string address, string function, CancellationToken ct, params object[] arguments) =>
        _deployer.CallAsync(contract, address, function, ct, arguments);

    private Task<T> QueryAsync<T>(string contract, string address, string function) => _deployer.QueryAsync<T>(contract, address, function);
}
