using Basis.Testing;
using Basis.Venues.Ethereum;
using Basis.Venues.Tests.Ethereum.Fixtures;

namespace Basis.Live.Tests.Reconciliation;

/// <summary>
/// One anvil with the real AAVE v3 core deployed (WETH, weETH and USDT reserves) and the Lido and EtherFi stand-ins, by
/// the deployments Basis.Venues.Tests uses (its fixture files are compiled into this project). Tests snapshot and revert
/// around themselves.
/// </summary>
public sealed class AaveChainFixture : IAsyncLifetime
{
    private AaveMarket? _market;
    private LstStandIns? _lsts;

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

    /// <summary>The Lido and EtherFi stand-ins (skips, or fails with BASIS_REQUIRE_SERVICES=1, when solc-js is missing).</summary>
    internal LstStandIns Lsts
    {
        get
        {
            _ = Market;
            if (_lsts is null)
            {
                ServiceRequirement.Unavailable("solc-js is missing (.ci/tools/node_modules/solc); run 'npm ci --prefix .ci/tools'");
            }

            return _lsts!;
        }
    }

    public async ValueTask InitializeAsync()
    {
        await Chain.InitializeAsync().ConfigureAwait(false);
        if (Chain.IsAvailable && AaveV3Deployment.ArtifactsFolder() is { } artifacts)
        {
            using var deployer = Client(0);
            _market = await AaveV3Deployment.DeployAsync(deployer, artifacts, TestContext.Current.CancellationToken).ConfigureAwait(false);
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
    /// Writes a contracts file for this chain into <paramref name="folder"/>, laid out like the repository's
    /// (configs/venues/ethereum_contracts.yaml), listing the deployed pool and tokens; returns its path. With
    /// <paramref name="etherFi"/>, EtherFi's stand-ins are listed too: its liquidity pool, eETH, and its weETH in place of
    /// the AAVE market's (a plain mintable token, which the pool then does not know as its own).
    /// </summary>
    public string WriteContractsFile(string folder, bool etherFi = false)
    {
        var market = Market;
        var file = Path.Combine(folder, "contracts.yaml");
        // Appended after the tokens' last line: eETH among the tokens, then the etherfi section beside them.
        var staking = etherFi ? $"\n      eeth: \"{Lsts.EEth}\"\n    etherfi:\n      liquidity_pool: \"{Lsts.EtherFiLiquidityPool}\"" : "";
        File.WriteAllText(file, $"""
            chains:
              {AnvilChain.ChainId}:
                name: anvil
                aave_v3:
                  pool: "{market.Pool}"
                tokens:
                  usdt: "{market.Usdt}"
                  weth: "{market.Weth}"
                  weeth: "{(etherFi ? Lsts.WeEth : market.WeEth)}"{staking}
            """);
        return file;
    }

    public ValueTask DisposeAsync() => Chain.DisposeAsync();
}
