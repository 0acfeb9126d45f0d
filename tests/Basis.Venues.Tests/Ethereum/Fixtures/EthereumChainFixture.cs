using Basis.Testing;
using Basis.Venues.Ethereum;

namespace Basis.Venues.Tests.Ethereum.Fixtures;

/// <summary>
/// One anvil with AAVE v3, Uniswap v3 and the Lido and EtherFi stand-ins deployed, shared by the Ethereum tests (<see cref="EthereumChainDefinition"/>: they run one
/// after another, since snapshots are chain-wide). Each test takes a snapshot, runs on fresh clients and reverts.
/// </summary>
public sealed class EthereumChainFixture : IAsyncLifetime
{
    private AaveMarket? _market;
    private UniswapMarket? _uniswap;
    private LstStandIns? _lsts;
    private string? _lstsUnavailable;
    private string? _artifacts;

    /// <summary>The chain.</summary>
    public AnvilChain Chain { get; } = new();

    /// <summary>The deployed market (skips or fails the test when anvil or the artifacts are missing).</summary>
    internal AaveMarket Market
    {
        get
        {
            _ = Chain.RpcUrl;
            return _market ?? Unavailable<AaveMarket>();
        }
    }

    /// <summary>Uniswap v3 with a WETH/USDT pool on the same WETH and USDT as the AAVE market.</summary>
    internal UniswapMarket Uniswap
    {
        get
        {
            _ = Market;
            return _uniswap ?? Unavailable<UniswapMarket>();
        }
    }

    /// <summary>The Lido and EtherFi stand-ins (skips or fails the test when node or solc-js is missing).</summary>
    internal LstStandIns Lsts
    {
        get
        {
            _ = Chain.RpcUrl;
            if (_lstsUnavailable is { } reason)
            {
                Basis.Testing.ServiceRequirement.Unavailable(reason);
            }

            return _lsts ?? Unavailable<LstStandIns>();
        }
    }

    internal string Artifacts => _artifacts ?? Unavailable<string>();

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        await Chain.InitializeAsync().ConfigureAwait(false);
        _artifacts = AaveV3Deployment.ArtifactsFolder();
        if (!Chain.IsAvailable || _artifacts is null)
        {
            return;
        }

        using var deployer = Client(0);
        _market = await AaveV3Deployment.DeployAsync(deployer, _artifacts, TestContext.Current.CancellationToken).ConfigureAwait(false);
        if (UniswapV3Deployment.CoreArtifacts() is { } core && UniswapV3Deployment.PeripheryArtifacts() is { } periphery)
        {
            _uniswap = await UniswapV3Deployment.DeployAsync(deployer, core, periphery, _market.Weth, _market.Usdt, TestContext.Current.CancellationToken).ConfigureAwait(false);
        }

        if (LstStandInDeployment.Inputs() is { } inputs)
        {
            try
            {
                _lsts = await LstStandInDeployment.DeployAsync(deployer, inputs, TestContext.Current.CancellationToken).ConfigureAwait(false);
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                // Only the stand-in tests need node; the others still run.
                _lstsUnavailable = $"node could not be started to compile the Lido/EtherFi stand-ins with solc-js: {e.Message}";
            }
        }
    }

    /// <summary>
    /// A client for development account <paramref name="account"/>. Make new ones after each revert: a client's
    /// nonce manager remembers nonces the reverted chain no longer has.
    /// </summary>
    public EthereumClient Client(int account) =>
        new(new Uri(Chain.RpcUrl), EthereumAccount.FromPrivateKey(Chain.PrivateKey(account), AnvilChain.ChainId))
        {
            // anvil mines each transaction as it arrives.
            ReceiptPollInterval = TimeSpan.FromMilliseconds(5),
            ReceiptTimeout = TimeSpan.FromSeconds(30),
        };

    /// <inheritdoc />
    public ValueTask DisposeAsync() => Chain.DisposeAsync();

    private static T Unavailable<T>()
    {
        Basis.Testing.ServiceRequirement.Unavailable("the AAVE v3 or Uniswap v3 artifacts or solc-js are missing (.ci/tools/node_modules/@aave, @uniswap, solc); run 'npm ci --prefix .ci/tools'");
        return default;
    }
}
